"""Runtime shared by the generated contract modules; standard library only."""
