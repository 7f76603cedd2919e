"""Demo search synonyms: abbreviations patients use for the procedures."""

from search.models import SearchSynonym

SYNONYMS = {
    "TKR": "total knee replacement\ntotal knee arthroplasty\nknee replacement",
    "THR": "total hip replacement\ntotal hip arthroplasty\nhip replacement",
    "ACL": "anterior cruciate ligament",
    "rehab": "rehabilitation\nphysiotherapy\nphysical therapy",
    "PT": "physiotherapy\nphysical therapy",
    "post op": "after surgery\npostoperative",
}


def load(*, stdout) -> None:
    for term, synonyms in SYNONYMS.items():
        SearchSynonym.objects.get_or_create(term=term, defaults={"synonyms": synonyms})
    stdout.write(f"Search synonyms: {len(SYNONYMS)}.")
