"""The chat page over `qa`: `python -m ui` serves it; `build_app(QA())` builds it to embed or test.

Names are imported on first use, so `python -m ui` can start loading the model before gradio.
"""
from __future__ import annotations

__all__ = ["EXAMPLES", "build_app", "launch"]


def __getattr__(name: str):
    if name in __all__:
        from ui import app

        return getattr(app, name)
    raise AttributeError(f"module 'ui' has no attribute {name!r}")
