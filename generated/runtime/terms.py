"""Contract terms, tacit renewal, notice and survival periods, on calendar dates.

Convention: a term or period is described by its last day included. A term that starts on
15 January 2024 and lasts 12 months runs [2024-01-15, 2025-01-15) and its end is 2025-01-14.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .errors import SlaInputError, Text
from .periods import Period, add_period, end_of_month, require_date, subtract_period

_DAY = timedelta(days=1)
_ONE_DAY = Period(1, "day")
_DATE = Text("name.date", "date")
_INITIAL = Text("name.initial-term", "initial term")
_RENEWAL = Text("name.renewal-period", "renewal period")
_NOTICE = Text("name.notice", "notice")
_SHORT_TENURE = Text("name.short-tenure", "short tenure")
_BASE = Text("name.notice-base", "notice base")
_PER_YEAR = Text("name.notice-per-year", "notice per full year")
_SUBSCRIBED = Text("name.subscription-date", "subscription date")
_REQUESTED = Text("name.request-date", "request date")
_ENGAGEMENT_END = Text("name.engagement-end", "engagement end")
_SURVIVAL = Text("name.survival-period", "survival period")


def _require_period(name: str, value: object, *, positive: bool = False) -> Period:
    if not isinstance(value, Period):
        raise SlaInputError(
            "type.period", "{name} must be a Period, got {value!r}", name=name, value=value
        )
    if positive and value.count == 0:
        raise SlaInputError(
            "period.zero", "{name} must be longer than zero, got {value}", name=name, value=value
        )
    return value


def _as_months(period: Period) -> int | None:
    if period.unit in ("month", "year"):
        return period.count * (12 if period.unit == "year" else 1)
    return None


def _months(name: str, period: Period) -> int:
    months = _as_months(period)
    if months is None:
        raise SlaInputError(
            "period.months", "{name} must be counted in months or years, got {value}",
            name=name, value=period,
        )
    return months


@dataclass(frozen=True)
class FixedTerm:
    """An initial term, optionally renewed tacitly by `renewal`, ended by `notice` before a term.

    Cegid Loop L9: FixedTerm(Period(12, "month"), Period(12, "month"), Period(3, "month")).
    Term boundaries are counted from `start` in one step when both periods are in months or
    years (31 Jan + 1 month, renewed monthly: 29 Feb, 31 Mar, 30 Apr...), so month-end clipping
    never drifts; otherwise renewals are counted from the end of the initial term. Without
    renewal there is a single term: asking about a later date, or giving notice too late for
    it, raises SlaInputError.
    """

    initial: Period
    renewal: Period | None
    notice: Period

    def __post_init__(self) -> None:
        _require_period(_INITIAL, self.initial, positive=True)
        if self.renewal is not None:
            _require_period(_RENEWAL, self.renewal, positive=True)
        _require_period(_NOTICE, self.notice)

    def _boundary(self, start: date, index: int) -> date:
        """First day of term number `index` (0 = the initial term)."""
        if index == 0:
            return start
        first = add_period(start, self.initial)
        if index == 1:
            return first
        if self.renewal is None:
            raise SlaInputError(
                "term.not-renewed",
                "the contract started {start} is not renewed: it has one term, ending {end}",
                start=start.isoformat(), end=(first - _DAY).isoformat(),
            )
        initial, renewal = _as_months(self.initial), _as_months(self.renewal)
        if initial is not None and renewal is not None:
            return add_period(start, Period(initial + (index - 1) * renewal, "month"))
        return add_period(first, Period(self.renewal.count * (index - 1), self.renewal.unit))

    def _index(self, start: date, on: date) -> int:
        """Number of the term running on `on`."""
        require_date("start", start)
        require_date(_DATE, on)
        if on < start:
            raise SlaInputError(
                "term.before-start", "date {date} is before the contract start {start}",
                date=on.isoformat(), start=start.isoformat(),
            )
        index = 0
        while self._boundary(start, index + 1) <= on:
            index += 1
        return index

    def term_end(self, start: date, on: date) -> date:
        """Last day (included) of the term running on `on`, for a contract started on `start`."""
        return self._boundary(start, self._index(start, on) + 1) - _DAY

    def renewal_dates(self, start: date, until: date) -> list[date]:
        """First days of the renewed terms, up to and including `until`."""
        require_date("start", start)
        require_date("until", until)
        if self.renewal is None:
            return []
        result: list[date] = []
        index = 1
        while (boundary := self._boundary(start, index)) <= until:
            result.append(boundary)
            index += 1
        return result

    def _last_notice(self, start: date, index: int) -> date:
        # Notice given on a day counts as given at that day's end: it must be given on or
        # before the day before (first day after the term - notice).
        return subtract_period(
            subtract_period(self._boundary(start, index + 1), self.notice), _ONE_DAY
        )

    def _ended_by(self, start: date, on: date) -> int:
        """Number of the first term that notice given on `on` can end."""
        index = self._index(start, on)
        while self._last_notice(start, index) < on:
            index += 1
        return index

    def last_notice_day(self, start: date, on: date) -> date:
        """Last day on which notice ends the contract at the end of the current term.

        If that day is already past on `on`, the last notice day for the next term that can
        still be ended. A notice given on day X is taken as given at the end of X, so the
        last day is the day before (first day after the term - notice): for a term ending
        2025-01-14 with 3 months' notice, 2024-10-14.
        """
        return self._last_notice(start, self._ended_by(start, on))

    def effective_termination(self, start: date, notice_given_on: date) -> date:
        """Last day of service when notice is given on `notice_given_on`."""
        return self._boundary(start, self._ended_by(start, notice_given_on) + 1) - _DAY


@dataclass(frozen=True)
class TenureNotice:
    """Notice that grows with the length of the subscription (Teogest T13, Art. 20).

    Subscribed for less than `short_tenure`: no notice, the service ends on the last day of the
    month of the request. Otherwise the notice is `base` plus `per_full_year` for each full year
    of subscription at the request date, and starts on the 1st of the month after the request.
    An engagement that ends after the notice prevails. Teogest: TenureNotice(Period(1, "year"),
    Period(1, "month"), Period(1, "month")).
    """

    short_tenure: Period
    base: Period
    per_full_year: Period

    def __post_init__(self) -> None:
        _require_period(_SHORT_TENURE, self.short_tenure)
        _months(_BASE, _require_period(_BASE, self.base))
        _months(_PER_YEAR, _require_period(_PER_YEAR, self.per_full_year))

    def _check(self, subscribed_on: date, requested_on: date) -> None:
        require_date(_SUBSCRIBED, subscribed_on)
        require_date(_REQUESTED, requested_on)
        if requested_on < subscribed_on:
            raise SlaInputError(
                "term.request-before-subscription",
                "termination requested on {requested}, before the subscription on {subscribed}",
                requested=requested_on.isoformat(), subscribed=subscribed_on.isoformat(),
            )

    def notice_start(self, requested_on: date) -> date:
        """First day of the notice: the 1st of the month after the request."""
        return add_period(end_of_month(requested_on), _ONE_DAY)

    def notice_months(self, subscribed_on: date, requested_on: date) -> int:
        """Months of notice; 0 for a short tenure. Full years are counted at the request date."""
        self._check(subscribed_on, requested_on)
        if requested_on < add_period(subscribed_on, self.short_tenure):
            return 0
        years = requested_on.year - subscribed_on.year
        if add_period(subscribed_on, Period(years, "year")) > requested_on:
            years -= 1
        base = _months(_BASE, self.base)
        return base + years * _months(_PER_YEAR, self.per_full_year)

    def effective_termination(
        self, subscribed_on: date, requested_on: date, engagement_end: date | None = None
    ) -> date:
        """Last day of service for a termination requested on `requested_on`.

        `engagement_end` is the last day of the client's commitment, if any; when it comes after
        the end computed from the notice, it prevails (for a short tenure too).
        """
        months = self.notice_months(subscribed_on, requested_on)
        if months == 0:
            end = end_of_month(requested_on)
        else:
            end = add_period(self.notice_start(requested_on), Period(months, "month")) - _DAY
        if engagement_end is not None and require_date(_ENGAGEMENT_END, engagement_end) > end:
            return engagement_end
        return end


def survival_end(end: date, period: Period) -> date:
    """Last day an obligation binds when it survives `period` after `end` (the contract's last day).

    Confidentiality surviving 3 years after a contract whose last day is 2024-06-30 binds until
    2027-06-30 included.
    """
    return add_period(require_date("end", end), _require_period(_SURVIVAL, period))
