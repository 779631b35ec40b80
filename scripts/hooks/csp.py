"""MkDocs hook: a Content-Security-Policy on every page and on the 404 page (see
delivermymail/csp.py). It runs last, after every other change to a page, since the policy
holds the hashes of the page's final inline scripts."""
from mkdocs.plugins import event_priority

from delivermymail.csp import add_policy

_serving = False    # `mkdocs serve` injects an inline live-reload script that no policy can know


def on_startup(command, dirty, **kwargs):
    global _serving
    _serving = command == "serve"


@event_priority(-150)
def on_post_page(output, page, config, **kwargs):
    return output if _serving else add_policy(output)


def on_post_template(output, template_name, config, **kwargs):
    if template_name == "404.html" and not _serving:
        return add_policy(output)
    return output
