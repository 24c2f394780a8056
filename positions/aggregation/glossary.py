"""The bilingual glossary: domain terms in Indonesian and English mapped to one concept.

Why a glossary and not a multilingual embedding model: measured on the bench corpus the
glossary merges the Indonesian and English phrasings of a point as well as we need
(see README, Benchmarks), costs microseconds per input, is exact and explainable to a
director ("these two were merged because *perdagangan orang* = *trafficking in
persons*"), and staff extend it in the admin (`positions.GlossaryTerm`) when a
consultation brings new vocabulary. A sentence-embedding model would add PyTorch (about
a gigabyte) and run far slower than 100,000 inputs in under a minute on two cores.

Each entry: a concept name, its Indonesian terms, its English terms (`|` between
synonyms). Terms are stemmed with their language's stemmer before matching, so one
entry matches plurals and affixed forms too.

Where the entries come from: the objectives of the Global Compact for Safe, Orderly
and Regular Migration (2018), Indonesia's Law 18/2017 on the Protection of Indonesian
Migrant Workers and the consultation's own issue titles (the seed of 14 November 2017),
each term in the wording of those texts in both languages. None comes from an
evaluation corpus.

A concept is a domain term whose two languages name the same idea; it weighs more
than an ordinary word (`Params.concept_weight`). Everyday words the glossary also maps
across the two languages (need / perlu, service / layanan, work / kerja: GENERIC) keep
one feature for both languages but carry an ordinary word's weight: they say how a
point is put, not what it is about, and must never be what holds a key point together.
"""

from collections.abc import Iterable

from common.text import normalise, words
from positions.aggregation.lexicon import lexicon_entries
from positions.aggregation.text import _stemmer

GLOSSARY: tuple[tuple[str, str, str], ...] = (
    (
        "migrant-worker",
        "pekerja migran|buruh migran|tki|pmi|tenaga kerja indonesia",
        "migrant worker|migrant labour|migrant labor|overseas worker",
    ),
    ("migrant", "migran|perantau", "migrant"),
    ("migration", "migrasi", "migration"),
    (
        "governance",
        "tata kelola|pengelolaan migrasi",
        "migration governance|governance of migration|migration management",
    ),
    ("holistic", "holistik|menyeluruh|komprehensif", "holistic|comprehensive"),
    ("synergy", "sinergi|sinergis", "synergy|synergetic|synergistic"),
    ("coherence", "koherensi|keselarasan", "coherence|coherent"),
    ("policy", "kebijakan", "policy"),
    ("approach", "pendekatan", "approach"),
    ("ministry", "kementerian|lembaga", "ministry|agency"),
    ("regular", "reguler|teratur|resmi|prosedural", "regular|orderly"),
    ("safe", "aman|selamat", "safe|safely|secure"),
    ("pathway", "jalur|jalan|saluran", "pathway|channel|route"),
    ("create", "menciptakan|diciptakan|membuka|dibuka", "create|open"),
    ("remittance", "remitansi|kiriman uang", "remittance"),
    ("sustainable-development", "pembangunan berkelanjutan", "sustainable development"),
    ("contribute", "berkontribusi|kontribusi|sumbangan", "contribute|contribution"),
    ("village", "desa|kampung", "village|rural area"),
    ("origin", "asal|daerah asal", "origin|home country|home village|country of origin"),
    ("training", "pelatihan|pendidikan", "training|education"),
    ("skills", "keterampilan|keahlian|kompetensi", "skill|competence"),
    ("qualification", "kualifikasi|sertifikat|ijazah", "qualification|certificate|diploma"),
    ("recognition", "pengakuan|diakui", "recognition|recognised|recognized"),
    ("welfare", "kesejahteraan", "welfare|wellbeing|well-being"),
    ("improve", "meningkatkan|memperbaiki", "improve|raise|strengthen"),
    (
        "trafficking",
        "perdagangan orang|perdagangan manusia|tppo",
        "trafficking in persons|human trafficking|trafficking",
    ),
    ("prosecute", "ditindak|menindak|diadili|dihukum|penindakan", "prosecute|punish|prosecution"),
    ("victim", "korban", "victim|survivor"),
    (
        "protect",
        "perlindungan|pelindungan|dilindungi|melindungi|lindungi",
        "protection|protect|safeguard",
    ),
    ("cooperation", "kerja sama|kerjasama", "cooperation|co-operation|collaboration"),
    ("regional", "regional|kawasan", "regional"),
    ("smuggling", "penyelundupan", "smuggling"),
    ("combat", "memberantas|pemberantasan|memerangi|melawan", "combat|fight|tackle"),
    (
        "recruitment-agency",
        "agen perekrutan|perusahaan penempatan|agen penyalur|calo|p3mi|pptkis|pjtki|sponsor",
        "recruitment agency|recruiter|placement agency|broker|recruitment company|manning agency",
    ),
    ("illegal", "ilegal|liar|gelap", "illegal|unlicensed|rogue"),
    ("close", "ditutup|menutup|dicabut", "close|shut|revoke"),
    ("licensing", "perizinan|izin", "licensing|licence|license|permit"),
    ("tighten", "diperketat|memperketat|ketat", "tighten|stricter|strict"),
    ("poverty", "kemiskinan|miskin", "poverty|poor"),
    ("decent-work", "pekerjaan layak|lapangan kerja layak", "decent work|decent job"),
    ("lack", "kurangnya|minimnya|kekurangan", "lack|shortage|absence"),
    ("drive", "mendorong|memicu|penyebab|pendorong", "drive|driver|cause|push"),
    (
        "irregular",
        "ireguler|nonprosedural|tidak resmi|tidak berdokumen",
        "irregular|undocumented|unauthorised|unauthorized",
    ),
    ("health", "kesehatan", "health|healthcare|health care"),
    ("access", "akses|mengakses|menjangkau|jangkauan", "access|reach"),
    ("service", "layanan|pelayanan", "service"),
    (
        "receiving-country",
        "negara penerima|negara tujuan|negara penempatan",
        "receiving country|destination country|host country",
    ),
    ("banking", "perbankan|bank", "banking|bank"),
    ("money", "uang|dana", "money|fund"),
    ("send", "mengirim|mengirimkan|kirim", "send|transfer"),
    ("legal-aid", "bantuan hukum|pendampingan hukum", "legal aid|legal assistance"),
    ("consular", "konsuler|kekonsuleran|perwakilan ri", "consular|embassy|consulate"),
    ("citizen", "warga negara|wni|warga", "citizen|national"),
    ("abroad", "luar negeri|mancanegara", "abroad|overseas|foreign country"),
    ("employer", "majikan|pemberi kerja|pengguna jasa", "employer"),
    ("passport", "paspor|dokumen perjalanan", "passport|travel document"),
    ("withhold", "menahan|ditahan|menyita|disita", "withhold|hold|confiscate|retain"),
    ("communicate", "berkomunikasi|komunikasi", "communicate|communication"),
    ("move", "berpindah|bergerak|mobilitas", "move|movement|mobility"),
    ("right", "hak|berhak", "right|entitled"),
    ("procedure", "prosedur|tata cara|proses", "procedure|process"),
    ("work", "bekerja|kerja", "work|working|employment"),
    ("simple", "sederhana|mudah|ringkas", "simple|simpler|easy|easier"),
    ("cheap", "murah|terjangkau|biaya rendah", "cheap|cheaper|affordable|low-cost"),
    (
        "inbound-migration",
        "migrasi masuk|orang asing masuk|tenaga kerja asing",
        "inbound migration|foreign worker|immigration",
    ),
    ("national-interest", "kepentingan nasional", "national interest"),
    ("line-with", "sejalan|selaras|sesuai", "line|consistent|accordance"),
    ("data", "data|pendataan", "data|statistics"),
    ("integrated", "terpadu|terintegrasi|terpusat", "integrated|single|unified|centralised"),
    ("system", "sistem|basis data|database", "system|database"),
    (
        "need",
        "memerlukan|membutuhkan|diperlukan|dibutuhkan|perlu|butuh",
        "need|require|needed|necessary",
    ),
    # the GCM's objectives beyond the seed's themes, one or two concepts each (2: drivers,
    # 3: information, 4: legal identity, 5: regular pathways, 6: fair recruitment and
    # decent work, 7: vulnerabilities, 11: borders, 13: detention, 14: consular
    # protection, 16: inclusion, 17: discrimination, 19: diasporas, 20: financial
    # inclusion, 21: return and reintegration, 22: social security, 23: cooperation)
    ("climate-change", "perubahan iklim|krisis iklim", "climate change|climate crisis"),
    ("disaster", "bencana|bencana alam", "disaster|natural disaster"),
    (
        "information",
        "informasi|sosialisasi|penyuluhan",
        "information|awareness raising|outreach",
    ),
    (
        "legal-identity",
        "identitas hukum|akta kelahiran|dokumen kependudukan|pencatatan kelahiran",
        "legal identity|birth certificate|birth registration|proof of identity",
    ),
    ("document", "dokumen|dokumentasi", "document|documentation"),
    ("visa", "visa", "visa"),
    ("recruitment", "perekrutan|rekrutmen|penempatan", "recruitment|placement|deployment"),
    (
        "recruitment-fee",
        "biaya penempatan|biaya perekrutan|biaya rekrutmen|pungutan",
        "recruitment fee|placement fee|placement cost|recruitment cost",
    ),
    ("contract", "perjanjian kerja|kontrak kerja|kontrak", "employment contract|contract"),
    ("wage", "upah|gaji", "wage|salary"),
    (
        "working-conditions",
        "kondisi kerja|jam kerja|hari libur|hari istirahat",
        "working conditions|working hours|day off|rest day",
    ),
    ("vulnerability", "kerentanan|rentan", "vulnerability|vulnerable"),
    ("border", "perbatasan|lintas batas", "border|cross-border"),
    ("detention", "detensi|rumah detensi", "detention|immigration detention"),
    ("mission", "kedutaan|kbri|kjri|konsulat", "diplomatic mission|embassies"),
    ("integration", "integrasi|inklusi|kohesi sosial", "integration|inclusion|social cohesion"),
    (
        "discrimination",
        "diskriminasi|diskriminatif|stigma|xenofobia",
        "discrimination|discriminatory|stigma|xenophobia",
    ),
    ("diaspora", "diaspora", "diaspora"),
    (
        "financial-inclusion",
        "inklusi keuangan|literasi keuangan|edukasi keuangan",
        "financial inclusion|financial literacy|financial education",
    ),
    (
        "return",
        "pemulangan|kepulangan|dipulangkan|purna",
        "returnee|repatriation|return migration|return migrant",
    ),
    ("reintegration", "reintegrasi", "reintegration"),
    ("deportation", "deportasi|dideportasi|deportan", "deportation|deported|deportee"),
    (
        "social-security",
        "jaminan sosial|perlindungan sosial|bpjs|asuransi",
        "social security|social protection|insurance",
    ),
    (
        "bilateral-agreement",
        "perjanjian bilateral|nota kesepahaman|mou",
        "bilateral agreement|memorandum of understanding|mou",
    ),
    # Law 18/2017's own terms: its one-stop service, the workers it names (domestic
    # workers, seafarers), orientation before departure, the halting of placement
    (
        "one-stop-service",
        "layanan terpadu satu atap|ltsa|satu atap",
        "one-stop service|one-roof service|one-stop shop",
    ),
    (
        "domestic-worker",
        "pekerja rumah tangga|prt|penata laksana rumah tangga|plrt",
        "domestic worker|domestic work|household worker",
    ),
    (
        "seafarer",
        "awak kapal|anak buah kapal|abk|pelaut|awak kapal perikanan",
        "seafarer|fishing crew|ship crew|fishing vessel crew",
    ),
    (
        "pre-departure",
        "orientasi pra pemberangkatan|pra pemberangkatan|pra-pemberangkatan"
        "|pra keberangkatan|pra-keberangkatan|pra penempatan|pra-penempatan",
        "pre-departure|pre departure",
    ),
    (
        "placement-ban",
        "moratorium|penghentian penempatan|pelarangan penempatan",
        "moratorium|placement ban|deployment ban",
    ),
)


# Everyday words: one feature in both languages, no concept weight.
GENERIC = frozenset(
    [
        "approach",
        "create",
        "contribute",
        "improve",
        "combat",
        "close",
        "tighten",
        "lack",
        "drive",
        "access",
        "service",
        "money",
        "send",
        "communicate",
        "move",
        "right",
        "procedure",
        "work",
        "simple",
        "cheap",
        "line-with",
        "integrated",
        "system",
        "need",
        "citizen",
    ]
)


def feature_of(concept: str) -> str:
    """The feature a concept becomes: "~" marks a weighted domain concept."""
    return ("=" if concept in GENERIC else "~") + concept


def glossary_entries(
    extra: Iterable[tuple[str, str]] = (), *, builtin: bool = True
) -> list[tuple[str, tuple[str, ...], str]]:
    """(language, stemmed phrase, concept) for the built-in glossary and lexicon (unless
    `builtin` is false: the benchmark's run without them) and staff additions.

    A staff pair (Indonesian term, English term) joins the concept either term already
    belongs to, or makes a new concept named after the English term.
    """
    table: list[tuple[str, str, str]] = []
    for concept, indonesian, english in GLOSSARY if builtin else ():
        table += [("id", term, concept) for term in indonesian.split("|")]
        table += [("en", term, concept) for term in english.split("|")]
    known = {(lang, normalise(term)): concept for lang, term, concept in table}
    for indonesian, english in sorted(extra):
        concept = (
            known.get(("en", normalise(english)))
            or known.get(("id", normalise(indonesian)))
            or normalise(english).replace(" ", "-")
        )
        table += [("id", indonesian, concept), ("en", english, concept)]
    entries = {}
    for language, term, concept in table:
        phrase = tuple(_stemmer(language).stemWords(words(normalise(term))))
        if phrase:
            entries.setdefault((language, phrase), feature_of(concept))  # first entry wins
    # the lexicon's everyday words, where the glossary has not named the term already
    for name, indonesian, english in lexicon_entries() if builtin else ():
        for language, terms in (("id", indonesian), ("en", english)):
            for term in terms.split("|"):
                phrase = tuple(_stemmer(language).stemWords(words(normalise(term))))
                if phrase:
                    entries.setdefault((language, phrase), "=" + name)
    return sorted((language, phrase, feature) for (language, phrase), feature in entries.items())
