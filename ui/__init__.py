"""The chat page over `qa`: `python -m ui` starts it; `build_app(QA())` builds it for embedding or tests."""
from ui.app import EXAMPLES, build_app, launch

__all__ = ["EXAMPLES", "build_app", "launch"]
