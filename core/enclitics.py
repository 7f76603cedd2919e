"""Spanish pronouns joined to a verb ("matarme", "recuperarse", "recuperándome") come apart:
"matarme" is "matar me" as "me mato" has "me". The one rule, for the safety checks
(safety.text) and for search (search.languages)."""

import re

ENCLITIC = re.compile(r"^(?P<verb>[a-z]{3,}(?:ar|er|ir|ando|iendo|yendo))(?P<pronoun>me|te|se|nos|lo|la|le)$")  # fmt: skip


def split_enclitic(word: str) -> list[str]:
    """A folded word (lower case, no accents) as the verb and its pronoun: "recuperarse" ->
    ["recuperar", "se"], "recuperandome" -> ["recuperando", "me"]; any other word alone."""
    match = ENCLITIC.match(word)
    if match and not match["verb"].endswith("ier"):  # "despierte" is no "despier" + "te"
        return [match["verb"], match["pronoun"]]
    return [word]
