#!/usr/bin/env python3
"""Writes the fixtures host/src/rouge.rs must match to within 0.001 (host/tests/rouge.rs): summary/reference
pairs scored by Google's rouge-score 0.1.2, with the two protocols `epitome eval` has.

- rouge.jsonl: English, rouge-score's defaults with use_stemmer=True (Porter). Text: docstrings of the Python
  standard library (English prose, not ../shared data), cut into sentences; a handful of hand-written edge
  cases (empty, punctuation only, non-ASCII, digits, repeated words) come first.
- rouge_unicode.jsonl: the tokenizer `../shared/peers/peers.py --lang fr|pt` uses (its UnicodeTokenizer: NFC,
  lower case, [^\\W_]+ words, no stemming). Text: short news-like paragraphs in French, Portuguese, German,
  Spanish and Greek written for this fixture (no ../shared data); hand-written edge cases (empty, punctuation
  only, NFD accents, ligatures, elisions, digits, final sigma, underscores, CJK, combining marks NFC cannot
  compose) come first.

In both, each reference is a few sentences of one text and its summary mixes some of them (sometimes
reordered or cut; in the Unicode fixture also decomposed to NFD or upper-cased) with sentences from elsewhere,
so overlap ranges from none to total.

Run once with the peers venv (made by ../shared/peers/setup.sh; peers.py is imported from beside it):
    $PEERS_VENV/bin/python host/tests/data/make_rouge.py
"""
import ast, glob, json, os, random, re, sys, sysconfig, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "shared", "peers"))
import peers  # noqa: E402  (needs PEERS_VENV naming a venv made by setup.sh)
from rouge_score import rouge_scorer  # noqa: E402


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def mixed_pairs(docs, rng, longest, repeat=1, alter=None):
    """A reference of 2..`longest` consecutive sentences of each text in `docs` (each `repeat` times), and a
    summary of some of them with up to two sentences of another text; `alter(summary, rng)` changes it
    further."""
    pairs = []
    for sents in docs * repeat:
        k = rng.randint(2, min(longest, len(sents)))
        start = rng.randint(0, len(sents) - k)
        ref = sents[start:start + k]
        keep = [s for s in ref if rng.random() < 0.6]
        other = rng.choice(docs)
        summ = keep + rng.sample(other, rng.randint(0, 2))
        if rng.random() < 0.3:
            rng.shuffle(summ)
        if summ and rng.random() < 0.3:
            words = summ[0].split()
            summ[0] = " ".join(words[: max(1, len(words) // 2)])
        if alter:
            alter(summ, rng)
        joiner = rng.choice([" ", "\n"])
        pairs.append((joiner.join(ref), "\n".join(summ)))
    return pairs


def write(name, pairs, scorer):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        for ref, summ in pairs:
            sc = scorer.score(ref, summ)
            row = {"reference": ref, "summary": summ}
            for k in ("rouge1", "rouge2", "rougeL"):
                row[k] = [sc[k].precision, sc[k].recall, sc[k].fmeasure]
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(name, len(pairs), "pairs")


def docstrings():
    """Docstrings of four sentences or more (of four words or more) in the standard library."""
    docs = []
    for path in sorted(glob.glob(os.path.join(sysconfig.get_paths()["stdlib"], "*.py"))):
        try:
            tree = ast.parse(open(path, encoding="utf-8").read())
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)):
                d = ast.get_docstring(node)
                if d:
                    sents = [s for s in sentences(" ".join(d.split())) if len(s.split()) >= 4]
                    if len(sents) >= 4:
                        docs.append(sents)
    return docs


ENGLISH_EDGES = [
    ("", "Nothing here."),
    ("A reference with words.", ""),
    ("!!! ... ???", "--- ,,,"),
    ("The cats were running quickly.", "The cat runs quickly."),
    ("Généralement, İstanbul’s café served 3 naïve visitors in 2004.", "In 2004 Istanbul's cafe served three visitors."),
    ("the the the the", "the the"),
    ("Profits rose 12.5% to $1.2bn (£650m) in Q3; analysts expected 11%.", "Profits rose 12.5% in Q3."),
    ("News: the sky is falling, skies are grey.", "The news says skies fall."),
    ("Line one.\nLine two.\n\nLine three is longer than the others.", "Line three is longer.\nLine one."),
    ("Generalizations about organizational effectiveness.", "Organizations generalize effectively."),
]

PARAGRAPHS = [
    "Le conseil municipal de Villeneuve a voté lundi soir la rénovation du pont de la Garenne. Les travaux "
    "commenceront au printemps et dureront dix-huit mois. Le maire a promis que la circulation ne serait jamais "
    "coupée plus d'une semaine. L'opposition dénonce un coût « démesuré » de 4,2 millions d'euros. Les riverains "
    "attendaient ce chantier depuis l'effondrement d'une partie du parapet en 2019.",
    "Une tempête a privé d'électricité près de 40 000 foyers dans l'ouest de la France. Météo-France avait placé "
    "trois départements en vigilance orange. Des rafales à 130 km/h ont été mesurées sur la côte. Les équipes "
    "d'Enedis sont mobilisées depuis l'aube. Aucun blessé grave n'est à déplorer, selon la préfecture.",
    "La bibliothèque de l'université rouvre ses portes après deux ans de travaux. Les étudiants y trouveront "
    "cinq cents places assises et des salles de travail en groupe. L'établissement sera ouvert jusqu'à minuit "
    "pendant les examens. C'est-à-dire que les révisions de janvier se feront enfin au chaud. Le coût total "
    "s'élève à douze millions d'euros, financés par la région.",
    "Les pêcheurs de l'île d'Yeu s'inquiètent de la baisse des prises de sole. Selon l'Ifremer, le stock a "
    "diminué d'un tiers en dix ans. Les professionnels réclament des quotas plus stricts pour les chalutiers "
    "étrangers. Le ministère a promis une réunion avant l'été. Œufs, alevins et nurseries sont au cœur du débat.",
    "A câmara municipal de Coimbra aprovou na segunda-feira a construção de uma nova ponte pedonal. As obras "
    "começam em março e vão durar um ano. O presidente da câmara disse que a ponte ligará os dois campus da "
    "universidade. A oposição critica o custo de três milhões de euros. Os moradores pedem mais estacionamento.",
    "Der Stadtrat von Freiburg hat am Montag den Bau einer neuen Straßenbahnlinie beschlossen. Die Arbeiten "
    "beginnen im Frühjahr. Anwohner befürchten Lärm und Staub während der Bauzeit. Die Kosten werden auf "
    "achtzig Millionen Euro geschätzt. Der Bürgermeister sprach von einem „historischen Tag“ für die Stadt.",
    "El ayuntamiento de Valladolid aprobó el lunes un plan para plantar diez mil árboles. ¿Bastará para "
    "refrescar los barrios más calurosos? Los vecinos se muestran escépticos. La concejala de Medio Ambiente "
    "prometió los primeros resultados en dos años. ¡Por fin!, exclamó una vecina de la plaza Mayor.",
    "Το δημοτικό συμβούλιο της Πάτρας ενέκρινε τη Δευτέρα την ανακαίνιση του λιμανιού. ΟΙ ΕΡΓΑΣΙΕΣ ΘΑ ΔΙΑΡΚΕΣΟΥΝ "
    "ΔΥΟ ΧΡΟΝΙΑ. Οι κάτοικοι ζητούν περισσότερους χώρους στάθμευσης.",
]

UNICODE_EDGES = [
    ("", "Rien ici."),
    ("Une référence avec des mots.", ""),
    ("« … » — !!!", "--- ,,, ¿¡"),
    ("L'été à Venise.", "Venise en été"),
    ("Cafe\u0301 de l'École", "café de l'école"),
    ("Œuvre, cœur et bœuf", "oeuvre coeur boeuf"),
    ("c'est-à-dire d'Ormesson aujourd’hui", "C EST A DIRE d Ormesson aujourd hui"),
    ("3,5 % de 2 000 habitants en 2019", "3.5 % de 2000 habitants"),
    ("ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ", "οδος σοφοκλεους"),
    ("snake_case et x²", "snake case x2"),
    ("東京 et 北京", "東京"),
    ("İstanbul et Istanbul", "istanbul i stanbul"),
    ("a\u20ddb c\u0327a", "a b ça"),
    ("la la la la", "la la"),
]


def unicode_variants(summ, rng):
    if summ and rng.random() < 0.2:
        summ[-1] = unicodedata.normalize("NFD", summ[-1])
    if summ and rng.random() < 0.1:
        summ[0] = summ[0].upper()


rng = random.Random(4)
english = rng.sample(docstrings(), 120)
write(
    "rouge.jsonl",
    ENGLISH_EDGES + mixed_pairs(english, rng, 5),
    rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True),
)
rng = random.Random(26)
paragraphs = [sentences(p) for p in PARAGRAPHS]
write(
    "rouge_unicode.jsonl",
    UNICODE_EDGES + mixed_pairs(paragraphs, rng, 4, repeat=6, alter=unicode_variants),
    rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False, tokenizer=peers.UnicodeTokenizer()),
)
