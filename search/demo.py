"""Demo search synonyms: abbreviations and everyday words patients use for the procedures,
in each language."""

from search.models import SearchSynonym

SYNONYMS = {
    "en": {
        "TKR": "total knee replacement\ntotal knee arthroplasty\nknee replacement",
        "THR": "total hip replacement\ntotal hip arthroplasty\nhip replacement",
        "ACL": "anterior cruciate ligament",
        "rehab": "rehabilitation\nphysiotherapy\nphysical therapy",
        "PT": "physiotherapy\nphysical therapy",
        "post op": "after surgery\npostoperative",
    },
    "es": {
        "LCA": "ligamento cruzado anterior",
        "rotura de menisco": "menisco roto\nlesión de menisco",
        "prótesis de rodilla": "artroplastia total de rodilla\nreemplazo de rodilla",
        "prótesis de cadera": "artroplastia total de cadera\nreemplazo de cadera",
        "rehabilitación": "fisioterapia\nrehabilitación física",
        "posoperatorio": "postoperatorio\ndespués de la operación\ndespués de la cirugía",
    },
}


def load(*, stdout) -> None:
    for language, synonyms in SYNONYMS.items():
        for term, alternatives in synonyms.items():
            SearchSynonym.objects.get_or_create(
                term=term, language=language, defaults={"synonyms": alternatives}
            )
    total = sum(len(synonyms) for synonyms in SYNONYMS.values())
    stdout.write(f"Search synonyms: {total}.")
