"""The few exception types `qa` raises; each message says what to do next."""


class QAError(Exception):
    """Base class: an expected problem the CLI and UI show as one clean message."""


class QuestionError(QAError, ValueError):
    """The question is empty, whitespace only, or too long."""


class SeedsError(QAError):
    """The seeds folder is missing, empty, or holds a file that cannot be read."""


class ModelError(QAError):
    """The embedding model cannot be loaded or fails its integrity check."""


class IndexStoreError(QAError):
    """The index on disk is missing, damaged or was built differently; rebuild with `qa index`."""
