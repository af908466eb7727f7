"""Backup ladders: which copies exist and can be restored at a given instant."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cached_property
from typing import Literal, get_args
from zoneinfo import ZoneInfo

from .errors import SlaInputError, Text, UnspecifiedError
from .intervals import require_aware
from .periods import Period, add_period_dt, localise, require_int, zone_info

Frequency = Literal["day", "week", "month", "year"]
_FREQUENCIES: tuple[str, ...] = get_args(Frequency)
_DAY = timedelta(days=1)
_ADVERB = {
    "day": Text("copy.daily", "daily"),
    "week": Text("copy.weekly", "weekly"),
    "month": Text("copy.monthly", "monthly"),
    "year": Text("copy.yearly", "yearly"),
}


@dataclass(frozen=True)
class BackupTier:
    """One rung of a backup ladder: a copy every day/week/month/year, kept for `keep`.

    The copy is taken at `at_minute` local time (minutes after midnight). Weekly copies are
    taken on `weekday` (0 = Monday); monthly copies on `day` of the month; yearly copies on
    `day` of `month`. A day past the month's end means its last day (31 -> 30 April). None
    means the contract does not say: `BackupLadder.restore_points` then raises UnspecifiedError.
    """

    name: str
    every: Frequency
    at_minute: int
    keep: Period
    weekday: int | None = None
    day: int | None = None
    month: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise SlaInputError(
                "backup.name", "backup tier name must be a non-empty string, got {value!r}",
                value=self.name,
            )
        if self.every not in _FREQUENCIES:
            raise SlaInputError(
                "backup.every",
                "backup tier {tier!r}: every must be one of {allowed}, got {value!r}",
                tier=self.name, allowed=", ".join(_FREQUENCIES), value=self.every,
            )
        require_int(self._field("at_minute"), self.at_minute, low=0, high=1439)
        if not isinstance(self.keep, Period):
            raise SlaInputError(
                "backup.keep", "backup tier {tier!r}: keep must be a Period, got {value!r}",
                tier=self.name, value=self.keep,
            )
        allowed = {"day": (), "week": ("weekday",), "month": ("day",), "year": ("day", "month")}
        limits = {"weekday": (0, 6), "day": (1, 31), "month": (1, 12)}
        for field, (low, high) in limits.items():
            value = getattr(self, field)
            if value is None:
                continue
            if field not in allowed[self.every]:
                raise SlaInputError(
                    "backup.field",
                    "backup tier {tier!r}: {field}={value!r} makes no sense for a copy every "
                    "{every}",
                    tier=self.name, field=field, value=value, every=self.every,
                )
            require_int(self._field(field), value, low=low, high=high)
        if self.month is not None and self.day is not None:
            require_int(
                Text(
                    "name.backup-day-of-month", "backup tier {tier!r} day of month {month}",
                    tier=self.name, month=self.month,
                ),
                self.day,
                low=1,
                high=calendar.monthrange(2000, self.month)[1],
            )

    def _field(self, field: str) -> Text:
        """The name of one of this tier's fields, for a message about its value."""
        return Text(
            "name.backup-field", "backup tier {tier!r} {field}", tier=self.name, field=field
        )

    def unspecified(self) -> str | None:
        """What the contract leaves unsaid about when this copy is taken, or None."""
        if self.every == "week" and self.weekday is None:
            return Text("copy.which-weekday", "on which weekday")
        if self.every in ("month", "year") and self.day is None:
            return Text("copy.which-day", "on which day of the month")
        if self.every == "year" and self.month is None:
            return Text("copy.which-month", "in which month")
        return None

    def dates_back(self, latest: date) -> Iterator[date]:
        """The days this copy is taken, newest first, from `latest` backwards."""
        if self.every == "day":
            step, first = _DAY, latest
        elif self.every == "week":
            assert self.weekday is not None
            step, first = 7 * _DAY, latest - (latest.weekday() - self.weekday) % 7 * _DAY
        else:
            assert self.day is not None
            yield from self._monthly_back(latest, self.day)
            return
        current = first
        while True:
            yield current
            current -= step

    def _monthly_back(self, latest: date, day: int) -> Iterator[date]:
        year, month = latest.year, latest.month
        if self.month is not None:
            year, month = (year, self.month) if self.month <= month else (year - 1, self.month)
        while year >= 1:
            taken = date(year, month, min(day, calendar.monthrange(year, month)[1]))
            if taken <= latest:
                yield taken
            if self.every == "year":
                year -= 1
            else:
                year, month = (year, month - 1) if month > 1 else (year - 1, 12)


@dataclass(frozen=True)
class RestorePoint:
    """A backup copy of tier `tier`, taken at `taken_at` and gone at `expires_at`."""

    tier: str
    taken_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class BackupLadder:
    """The backup tiers of a contract, taken on the wall clock of the IANA zone `zone`.

    Teogest T7: daily from 01:00 kept 1 week; weekly kept 1 month; monthly kept 1 year; yearly
    on 31 December kept 10 years. Cegid Loop L5: daily every evening kept 1 week; weekly every
    weekend kept 5 weeks. The ladder is assumed to have run forever before the instants asked
    about. Instants are returned in `zone`.
    """

    zone: str
    tiers: tuple[BackupTier, ...]

    def __post_init__(self) -> None:
        zone_info(self.zone)
        if not isinstance(self.tiers, tuple) or not all(
            isinstance(t, BackupTier) for t in self.tiers
        ):
            raise SlaInputError(
                "type.tiers", "tiers must be a tuple of BackupTier, got {value!r}", value=self.tiers
            )
        names = [t.name for t in self.tiers]
        for name in names:
            if names.count(name) > 1:
                raise SlaInputError(
                    "backup.twice", "backup tier name {tier!r} is used more than once", tier=name
                )

    @cached_property
    def _tz(self) -> ZoneInfo:
        return zone_info(self.zone)

    def _tier(self, name: str) -> BackupTier:
        for tier in self.tiers:
            if tier.name == name:
                return tier
        known = ", ".join(repr(t.name) for t in self.tiers)
        raise SlaInputError(
            "backup.unknown", "unknown backup tier {tier!r}; the ladder has {known}",
            tier=name, known=known,
        )

    def expires_at(self, tier_name: str, taken_at: datetime) -> datetime:
        """When a copy of `tier_name` taken at `taken_at` expires: taken_at + keep, wall clock."""
        require_aware("taken_at", taken_at)
        tier = self._tier(tier_name)
        return add_period_dt(taken_at.astimezone(self._tz), tier.keep)

    def restore_points(self, at: datetime) -> list[RestorePoint]:
        """Every copy taken at or before `at` and not expired at `at` (expires_at > at).

        Newest first; copies taken at the same instant follow the order of the tiers. Raises
        UnspecifiedError naming the tier if the contract does not say when a tier's copy is taken.
        """
        moment = require_aware("at", at).astimezone(timezone.utc)
        for tier in self.tiers:
            gap = tier.unspecified()
            if gap is not None:
                raise UnspecifiedError(
                    "undecided.copy",
                    "backup tier {tier!r}: the contract does not say {gap} the {adverb} copy is "
                    "taken",
                    tier=tier.name, gap=gap, adverb=_ADVERB[tier.every],
                )
        try:
            found = self._points(moment)
        except OverflowError:
            raise SlaInputError(
                "computation.years", "{name} {value}: the computation leaves years 1-9999",
                name="at", value=at.isoformat(),
            ) from None
        found.sort(key=lambda item: (item[0], item[1]), reverse=True)
        return [point for _, _, point in found]

    def _points(self, moment: datetime) -> list[tuple[datetime, int, RestorePoint]]:
        """The copies restorable at the UTC instant `moment`, with their sort keys."""
        found: list[tuple[datetime, int, RestorePoint]] = []
        for index, tier in enumerate(self.tiers):
            for day in tier.dates_back(moment.astimezone(self._tz).date()):
                wall = datetime(day.year, day.month, day.day) + timedelta(minutes=tier.at_minute)
                taken = localise(wall, self._tz)
                if taken.astimezone(timezone.utc) > moment:
                    continue
                expires = add_period_dt(taken, tier.keep)
                if expires.astimezone(timezone.utc) <= moment:
                    break
                point = RestorePoint(tier.name, taken, expires)
                found.append((taken.astimezone(timezone.utc), -index, point))
        return found

    def latest_before(self, at: datetime) -> RestorePoint | None:
        """The newest copy that can be restored at `at`, or None."""
        points = self.restore_points(at)
        return points[0] if points else None

    def rpo_holds(self, at: datetime, rpo: timedelta) -> bool:
        """True if the newest restorable copy at `at` is no older than `rpo` (Cegid Loop L4)."""
        if not isinstance(rpo, timedelta) or rpo < timedelta():
            raise SlaInputError(
                "backup.rpo", "rpo must be a non-negative timedelta, got {value!r}", value=rpo
            )
        latest = self.latest_before(at)
        if latest is None:
            return False
        age = at.astimezone(timezone.utc) - latest.taken_at.astimezone(timezone.utc)
        return age <= rpo
