"""Errors a user can cause and fix: the CLI prints them as one line, the web as a 4xx."""


class UserError(Exception):
    """Bad input (a file, a field, a title): said in one line, never with a traceback."""


class NotFound(UserError):
    """A title or season that is not tracked; `suggestions` lists close names."""

    def __init__(self, message: str, suggestions: list[str] | None = None):
        super().__init__(message)
        self.suggestions = suggestions or []


class AskedWhen(UserError):
    """A claim with no date about a tracked season ("When is Wednesday season 3 coming
    out?"): its answer is the season's forecast, which the web app links to."""

    def __init__(self, message: str, title: str, number: int):
        super().__init__(message)
        self.title, self.number = title, number
