"""The chat page: a thin Gradio layer over one shared `qa.QA` that formats what it answers.

Endpoints: the page's chat (private), and `/chat` for `gradio_client`, which returns
`Answer.to_dict()` -- the same structure as `qa ask --json`.
"""
from __future__ import annotations

import logging
from pathlib import Path

import gradio as gr

from qa import QA, IndexStatus, QAError, QuestionError, check_question
from ui import render

log = logging.getLogger(__name__)

TITLE = "Ask the articles"
EXAMPLES = [
    "What did Kim Yo Jong warn?",
    "Was haben Putin und Kim am Telefon vereinbart?",
    "Why did Putin praise the North Korean soldiers?",
    "Was sagt Yang Moo Jin über das Telefonat?",
]
CSS_PATH = Path(__file__).with_name("style.css")
# System fonts only: nothing is fetched from a font CDN.
THEME = gr.themes.Soft(
    primary_hue="blue",
    font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
)
STATUS_POLL_SECONDS = 30
INTERNAL_ERROR = (
    "Something went wrong while answering. The problem has been logged; "
    "please try again, or ask the maintainer to look at the server log."
)


def build_app(qa: QA) -> gr.Blocks:
    """Build the page around one QA object, shared by every visitor (the model is loaded once).

    `QA` is safe to share between threads and rebuilds a stale index under its own lock before it
    answers, so the page never answers from an index older than the seeds.
    """

    def status_outputs(status: IndexStatus | None = None):
        """(status line, rebuild button) as they should look now; `status` when it was just read."""
        try:
            status = status or qa.status()
        except QAError as e:  # e.g. the seeds folder is gone: say so, keep the page up
            return f"⚠️ {e}", gr.update(visible=True)
        except Exception:
            log.exception("could not read the index status")
            return "⚠️ The index status cannot be read; see the server log.", gr.update(visible=True)
        return render.status_markdown(status), gr.update(visible=status.stale)

    def respond(message, history):
        """Chat handler: say when the index is rebuilt first, then show the answer or a readable error."""
        try:
            check_question(message)
        except QuestionError as e:
            yield render.error_html(str(e)), *status_outputs()
            return
        note = None
        try:
            status = qa.status()
        except Exception:  # ask() below reports the problem
            status = None
        if status is not None:
            if status.changes.missing_index:
                note = "There was no index yet, so it was built before answering."
                yield render.notice_html("No index yet: building it before answering…"), *status_outputs()
            elif status.stale:
                note = "The seeds changed since the index was built, so it was rebuilt before answering."
                yield render.notice_html("The seeds changed: rebuilding the index before answering…"), *status_outputs()
        try:
            answer = qa.ask(message)
        except QAError as e:
            yield render.error_html(str(e)), *status_outputs()
        except Exception:
            log.exception("qa failed on %r", message)
            yield render.error_html(INTERNAL_ERROR), *status_outputs()
        else:
            # Read before answering and still true, unless the index was rebuilt to answer.
            unchanged = status if status is not None and not status.stale else None
            yield render.answer_html(answer, note=note), *status_outputs(unchanged)

    def chat(message: str) -> dict:
        """Answer a question from the articles.

        Returns Answer.to_dict(): {"question", "text", "answered", "citations": [{"number", "text",
        "source", "sentence", "score", "start", "end", "date", "paragraph", "paragraph_start"}]}.
        """
        try:
            return qa.ask(message).to_dict()
        except QAError as e:
            raise gr.Error(str(e), print_exception=False) from None
        except Exception:
            log.exception("qa failed on %r", message)
            raise gr.Error(INTERNAL_ERROR, print_exception=False) from None

    def rebuild(progress=gr.Progress()):
        progress(0, desc="Rebuilding the index…")

        def report(done: int, total: int) -> None:
            progress((done, total), desc="Embedding sentences", unit="texts")

        try:
            qa.rebuild(progress=report)
        except QAError as e:
            raise gr.Error(str(e), print_exception=False) from None
        except Exception:
            log.exception("rebuild failed")
            raise gr.Error(INTERNAL_ERROR, print_exception=False) from None
        return status_outputs()

    with gr.Blocks(title=TITLE, analytics_enabled=False, fill_height=True) as demo:
        gr.HTML(
            f'<div class="qa-header"><h1>{TITLE}</h1>'
            "<p>Ask in English or German. Every answer quotes the news articles and cites the "
            "exact sentences it comes from.</p></div>"
        )
        with gr.Row(elem_classes="qa-status-row"):
            status_md = gr.Markdown(elem_id="qa-status")
            rebuild_btn = gr.Button("Rebuild index", visible=False, size="sm", variant="primary",
                                    scale=0, min_width=140, elem_id="qa-rebuild")
        chatbot = gr.Chatbot(
            elem_id="qa-chat", show_label=False, scale=1, height="68vh", min_height=360,
            latex_delimiters=[],  # "$" in news text is money, not maths
            feedback_options=None, buttons=["copy"],
            placeholder="Ask a question about the articles, or pick an example below.",
        )
        gr.ChatInterface(
            respond,
            chatbot=chatbot,
            textbox=gr.Textbox(placeholder="Ask in English or German…", show_label=False,
                               submit_btn=True, autofocus=True, elem_id="qa-input"),
            examples=EXAMPLES,
            additional_outputs=[status_md, rebuild_btn],
            api_name="respond", api_visibility="private",
            fill_height=True,
        )
        gr.api(chat, api_name="chat")
        rebuild_btn.click(rebuild, None, [status_md, rebuild_btn], api_visibility="private")
        demo.load(status_outputs, None, [status_md, rebuild_btn], api_visibility="private")
        gr.Timer(STATUS_POLL_SECONDS).tick(status_outputs, None, [status_md, rebuild_btn],
                                          api_visibility="private", show_progress="hidden")
    return demo


def launch(demo: gr.Blocks, host: str = "127.0.0.1", port: int = 7860, **kwargs):
    """Start the server with the queue on; returns what `Blocks.launch` returns."""
    demo.queue(default_concurrency_limit=4)
    return demo.launch(
        server_name=host, server_port=port, share=False, ssr_mode=False,
        theme=THEME, css_paths=[CSS_PATH], footer_links=["api"], **kwargs,
    )
