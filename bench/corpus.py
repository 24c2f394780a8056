"""A consultation corpus with known truth, for measuring the aggregation's quality.

Each thematic issue has key points drawn from the seed consultation (14 November 2017);
every key point is written in Indonesian and in English, each in two phrasings with
synonyms picked at random ({a|b} below). Around them: campaign letters, off-topic
noise, organisations of several kinds and, for some key points, organisations that
oppose. The generator records the truth: the key point of every input, the campaign
groups, and each key point's label by the rule of `positions/aggregation/pipeline.py`.

What makes a campaign and what does not, as in a real consultation:

- a *campaign letter* is one organisation's text that every signatory sends with small
  edits: its town added, and up to two words added, dropped or mistyped (never a
  negation);
- an *independent* input is written by its organisation in its own words: its own
  framing built from several parts (what it bases the view on, whom it works with,
  where, since when), the point in one of its phrasings with the glossary synonyms it
  prefers ("human trafficking", "trafficking in persons"), its own emphasis. Until pipeline 3 the framing was one of ten fixed openers, so one input in
  thirteen had a word-for-word copy written independently by another organisation —
  something no real consultation shows and no detector can tell from a campaign.
"""

import random
import re
from dataclasses import dataclass, field

from positions.aggregation import InputRecord, IssueRecord
from positions.aggregation.duplicates import NEGATIONS
from positions.aggregation.glossary import GLOSSARY

KINDS = ("ministry", "ngo", "international", "academia", "private")

KEY_POINTS = [
    [  # 1. migrant workers' contribution to sustainable development
        (
            "{Migration governance|The governance of migration} {needs|requires} a {holistic|comprehensive} and synergetic approach with policy coherence across ministries.",
            "A {holistic|comprehensive} approach and coherent policy between agencies {must|should} guide the governance of migration.",
            "Tata kelola migrasi {memerlukan|membutuhkan} pendekatan {holistik|menyeluruh} dan sinergis dengan koherensi kebijakan antar kementerian.",
            "Pendekatan {holistik|komprehensif} dan keselarasan kebijakan antar lembaga {harus|perlu} menjadi dasar tata kelola migrasi.",
        ),
        (
            "The compact {should|must} create regular and safe migration pathways for workers.",
            "{Safe|Secure} and orderly {channels|pathways} for labour migration {need|have} to be opened.",
            "{Perlu|Harus} diciptakan jalur migrasi yang reguler dan aman bagi pekerja.",
            "Jalur migrasi kerja yang {aman|selamat} dan teratur {perlu|harus} dibuka.",
        ),
        (
            "Remittances of migrant workers contribute to sustainable development in their home villages.",
            "The money migrant workers send home is a contribution to sustainable development of villages of origin.",
            "Remitansi pekerja migran berkontribusi pada pembangunan berkelanjutan di desa asal.",
            "Kiriman uang {pekerja migran|buruh migran} merupakan sumbangan bagi pembangunan berkelanjutan desa asal.",
        ),
        (
            "Skills training and recognition of qualifications improve the welfare of migrant workers.",
            "Recognised {certificates|qualifications} and {training|education} in skills raise migrant workers' welfare.",
            "Pelatihan keterampilan dan pengakuan kualifikasi meningkatkan kesejahteraan pekerja migran.",
            "Sertifikat yang diakui dan pelatihan keahlian {meningkatkan|memperbaiki} kesejahteraan buruh migran.",
        ),
    ],
    [  # 2. crime in migration
        (
            "Trafficking in persons {must|should} be prosecuted and victims protected.",
            "Human trafficking {needs|has} to be punished and its victims given protection.",
            "Perdagangan orang harus ditindak dan korban dilindungi.",
            "Pelaku perdagangan manusia {perlu|harus} dihukum dan korbannya mendapat perlindungan.",
        ),
        (
            "Regional cooperation is needed to combat the smuggling of migrants.",
            "Fighting migrant smuggling {requires|needs} collaboration across the region.",
            "Kerja sama regional diperlukan untuk memberantas penyelundupan migran.",
            "Pemberantasan penyelundupan migran {membutuhkan|memerlukan} kerja sama kawasan.",
        ),
        (
            "Illegal recruitment agencies {should|must} be closed and licensing tightened.",
            "Unlicensed recruiters {must|should} be shut and permits made stricter.",
            "Agen perekrutan ilegal harus ditutup dan perizinan diperketat.",
            "Calo dan agen penyalur liar {perlu|harus} ditutup serta izin diperketat.",
        ),
        (
            "Poverty and lack of decent work drive irregular migration.",
            "Irregular migration is driven by poverty and the absence of decent jobs.",
            "Kemiskinan dan kurangnya pekerjaan layak mendorong migrasi ireguler.",
            "Migrasi nonprosedural dipicu oleh kemiskinan dan minimnya lapangan kerja layak.",
        ),
    ],
    [  # 3. integration in receiving countries
        (
            "Migrant workers need access to health services in receiving countries.",
            "Access to health care in destination countries {must|should} be open to migrant workers.",
            "Pekerja migran membutuhkan akses layanan kesehatan di negara penerima.",
            "Layanan kesehatan di negara tujuan harus dapat diakses buruh migran.",
        ),
        (
            "Access to banking services lets migrants send money safely.",
            "Migrants {need|require} bank services to transfer money securely.",
            "Akses layanan perbankan memungkinkan migran mengirim uang dengan aman.",
            "Migran memerlukan layanan bank agar dapat mengirimkan dana secara aman.",
        ),
        (
            "Legal aid and consular protection {must|should} reach every citizen abroad.",
            "Every national overseas {needs|requires} legal assistance and protection from the embassy.",
            "Bantuan hukum dan perlindungan konsuler harus menjangkau setiap warga negara di luar negeri.",
            "Setiap WNI di luar negeri memerlukan pendampingan hukum dan perlindungan perwakilan RI.",
        ),
        (
            "Employers must not hold passports and workers keep the right to communicate and move.",
            "Workers are entitled to communicate and move, and employers may not confiscate their passports.",
            "Majikan tidak boleh menahan paspor dan pekerja berhak berkomunikasi dan berpindah.",
            "Pekerja berhak berkomunikasi dan bergerak, dan pemberi kerja dilarang menyita paspor.",
        ),
    ],
    [  # 4. access abroad and inbound migration
        (
            "Procedures for citizens to work abroad {should|must} be simpler and cheaper.",
            "Citizens {need|require} an easier and more affordable process to work overseas.",
            "Prosedur bagi WNI untuk bekerja di luar negeri perlu lebih sederhana dan murah.",
            "Proses bagi warga negara yang ingin bekerja di mancanegara harus mudah dan terjangkau.",
        ),
        (
            "Inbound migration must remain in line with the national interest.",
            "Immigration of foreign workers {should|must} stay consistent with the national interest.",
            "Migrasi masuk harus tetap sejalan dengan kepentingan nasional.",
            "Masuknya tenaga kerja asing {harus|perlu} selaras dengan kepentingan nasional.",
        ),
        (
            "A single integrated data system on migrant workers is needed.",
            "Migrant worker statistics {should|must} be kept in one unified database.",
            "Diperlukan satu sistem data terpadu tentang pekerja migran.",
            "Pendataan buruh migran harus berada dalam satu basis data terintegrasi.",
        ),
    ],
]

# An independent input's own framing: what its organisation bases the view on, whom it
# works with, where; assembled per input, so two organisations rarely frame alike.
FRAMING = {
    "en": (
        "{Based on|Drawing on|From|Judging by} {our|the} {monitoring|casework|surveys|"
        "interviews|home visits|hotline records|field notes} {with|among} {families|"
        "seafarers|caregivers|fishers|students|women|young people|returnees} in {place} "
        "{this year|last year|since 2015|over the past decade|in recent months|during the "
        "pandemic|for years}, "
        "{we believe|we hold|we would note|it is clear|we conclude|we see} that "
    ),
    "id": (
        "{Berdasarkan|Dari|Menilik|Bertolak dari} {pemantauan|pendampingan kasus|survei|"
        "wawancara|kunjungan rumah|catatan pengaduan|catatan lapangan} kami {dengan|"
        "bersama} {keluarga|pelaut|pengasuh|nelayan|pelajar|perempuan|pemuda|purna "
        "pekerja} di {place} {tahun ini|tahun lalu|sejak 2015|selama satu dekade|dalam "
        "beberapa bulan terakhir|selama pandemi|bertahun-tahun}, {kami yakin|kami berpendapat|kami mencatat|jelas|kami "
        "menyimpulkan|tampak} bahwa "
    ),
}
PLACES = (
    "Aceh Bali Banten Bengkulu Gorontalo Jambi Lampung Maluku Papua Riau Jakarta Yogyakarta "
    "Sulawesi Kalimantan Sumatra Java Flores Lombok Sumbawa Timor Batam Medan Makassar "
    "Surabaya Semarang Bandung Cirebon Indramayu Malang Kupang Pontianak Manado Ambon"
).split()
QUALIFIERS = {
    "en": [
        "",
        "",
        ", especially in Malaysia",
        ", above all for domestic workers",
        ", as seen in the Middle East",
        ", urgently for seafarers",
    ],
    "id": [
        "",
        "",
        ", terutama di Malaysia",
        ", terutama bagi pekerja rumah tangga",
        ", seperti terlihat di Timur Tengah",
        ", segera bagi anak buah kapal",
    ],
}
# Concepts whose glossary terms can stand in for each other in a sentence: an independent
# writer picks their own ("human trafficking", "trafficking in persons", "TPPO").
SYNONYM_CONCEPTS = frozenset(
    """
    migrant-worker trafficking recruitment-agency receiving-country legal-aid abroad
    employer passport irregular banking money village skills qualification training
    welfare cooperation holistic governance cheap simple integrated system data improve
    combat safe pathway poverty lack illegal tighten licensing need
    """.split()
)
EMPHASIS = {"en": ("also", "truly", "really", "indeed"), "id": ("juga", "sungguh", "memang")}
NOISE = (
    "the meeting room was cold and lunch arrived late thanks organisers schedule parking "
    "ruang rapat dingin makan siang terlambat terima kasih panitia jadwal parkir kopi "
    "projector microphone slides agenda printed badges hotel taxi weather rain"
).split()
SYLLABLES = [c + v for c in "bdklmrst" for v in "aiu"]


def _noise(rng: random.Random) -> str:
    """Off-topic remarks: a few common words and words no other input uses."""
    made = ["".join(rng.choices(SYLLABLES, k=3)) for _ in range(rng.randint(4, 7))]
    return " ".join(rng.sample(NOISE, 3) + made).capitalize() + "."


_CHOICE = re.compile(r"\{([^{}]*)\}")


def _fill(template: str, rng: random.Random) -> str:
    return _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)


def _synonyms() -> dict[str, tuple[re.Pattern, dict[str, tuple[str, ...]]]]:
    table = {}
    for lang, column in (("id", 1), ("en", 2)):
        alternatives = {}
        for entry in GLOSSARY:
            if entry[0] in SYNONYM_CONCEPTS:
                terms = tuple(entry[column].split("|"))
                alternatives |= dict.fromkeys(terms, terms)
        longest_first = sorted(alternatives, key=lambda term: (-len(term), term))
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, longest_first)) + r")\b", re.I)
        table[lang] = (pattern, alternatives)
    return table


_SYNONYMS = _synonyms()


def _reworded(rng: random.Random, lang: str, point: str) -> str:
    """The point in the writer's own words: each glossary term may become a synonym."""
    pattern, alternatives = _SYNONYMS[lang]

    def pick(match: re.Match) -> str:
        return (
            rng.choice(alternatives[match.group(0).lower()])
            if rng.random() < 0.6
            else match.group(0)
        )

    return pattern.sub(pick, point)


def _independent(rng: random.Random, lang: str, phrasing: str) -> str:
    """An organisation's own input: its framing, the point in its own words, emphasis."""
    point = _reworded(rng, lang, _fill(phrasing, rng).rstrip("."))
    framing = _fill(FRAMING[lang].replace("{place}", rng.choice(PLACES)), rng)
    return framing + point[0].lower() + point[1:] + rng.choice(QUALIFIERS[lang]) + "."


def _letter(rng: random.Random, template: str, lang: str) -> str:
    """One signatory's copy of a campaign letter: its town added, up to two small edits
    (never to a negation: a signatory keeps the letter's meaning)."""
    tokens = template.rstrip(".").split()
    for _ in range(rng.choice((0, 1, 1, 2))):
        j = rng.randrange(1, len(tokens))
        if tokens[j].lower() in NEGATIONS:
            continue
        edit = rng.choice(("typo", "drop", "insert"))
        if edit == "typo" and len(tokens[j].rstrip(",")) > 3:
            word = tokens[j].rstrip(",")
            k = rng.randrange(1, len(word) - 1)
            tokens[j] = word[:k] + word[k + 1 :] + tokens[j][len(word) :]
        elif edit == "drop" and len(tokens) > 8:
            del tokens[j]
        else:
            tokens.insert(j, rng.choice(EMPHASIS[lang]))
    town = ("from " if lang == "en" else "dari ") + rng.choice(PLACES)
    return " ".join(tokens) + f" ({town})."


@dataclass
class Corpus:
    issues: list[IssueRecord]
    inputs: list[InputRecord]
    truth_point: dict[int, str]  # input id -> key point ("1.2") or "noise:<id>"
    campaigns: list[list[int]]
    truth_label: dict[str, str] = field(default_factory=dict)


def corpus_make(
    n_inputs: int,
    *,
    n_issues: int = 4,
    n_organisations: int = 60,
    seed: int = 2017,
    campaign_share: float = 0.1,
    noise_share: float = 0.05,
) -> Corpus:
    rng = random.Random(seed)
    organisations = [(f"Organisasi {i:03d}", KINDS[i % len(KINDS)]) for i in range(n_organisations)]
    issues = [IssueRecord(id=i + 1, code=str(i + 1), title=f"Isu {i + 1}") for i in range(n_issues)]
    points = [(issue, k) for issue in issues for k in range(len(KEY_POINTS[(issue.id - 1) % 4]))]
    # who speaks on each key point: one, two or three kinds; a third of them divergent
    plan = {}
    for n, (issue, k) in enumerate(points):
        kinds = rng.sample(KINDS, (1, 2, 3)[n % 3])
        speakers = [o for o in organisations if o[1] in kinds]
        opposers = set(rng.sample(speakers, 2)) if n % 3 == 2 else set()
        plan[(issue.code, k)] = (speakers, opposers)
    inputs, truth, campaigns = [], {}, []
    next_id = 1

    def add(org, issue, k, text, lang, stance):
        nonlocal next_id
        kind = (
            "recommendation" if re.search(r"\b(should|must|perlu|harus)\b", text) else "statement"
        )
        record = InputRecord(
            next_id,
            org[0],
            org[1],
            issue.code,
            kind,
            stance,
            text,
            lang,
            external_id=f"X{next_id:06d}",
        )
        inputs.append(record)
        truth[record.id] = f"{issue.code}.{k}" if k is not None else f"noise:{record.id}"
        next_id += 1
        return record.id

    n_campaign = int(n_inputs * campaign_share)
    n_noise = int(n_inputs * noise_share)
    while n_campaign > 0:
        issue, k = rng.choice(points)
        speakers, opposers = plan[(issue.code, k)]
        lang = rng.choice(("id", "en"))
        phrasing = KEY_POINTS[(issue.id - 1) % 4][k][
            rng.choice((0, 1)) + (2 if lang == "id" else 0)
        ]
        template = _independent(rng, lang, phrasing)  # one organisation's, adopted by all
        size = min(n_campaign, rng.randint(5, 25))
        members = []
        for org in rng.sample(speakers, min(size, len(speakers))):
            stance = "oppose" if org in opposers else "support"
            members.append(add(org, issue, k, _letter(rng, template, lang), lang, stance))
        campaigns.append(members)
        n_campaign -= len(members)
    for _ in range(n_noise):
        issue = rng.choice(issues)
        org = rng.choice(organisations)
        add(org, issue, None, _noise(rng), "", "")
    while len(inputs) < n_inputs:
        issue, k = rng.choice(points)
        speakers, opposers = plan[(issue.code, k)]
        org = rng.choice(speakers)
        lang = rng.choice(("id", "en"))
        phrasing = KEY_POINTS[(issue.id - 1) % 4][k][
            rng.choice((0, 1)) + (2 if lang == "id" else 0)
        ]
        text = _independent(rng, lang, phrasing)
        stance = "oppose" if org in opposers else rng.choice(("support", "", "support"))
        add(org, issue, k, text, rng.choice((lang, lang, "")), stance)
    rng.shuffle(inputs)
    corpus = Corpus(issues, inputs, truth, campaigns)
    corpus.truth_label = _labels(corpus)
    return corpus


def _labels(corpus: Corpus) -> dict[str, str]:
    by_point: dict[str, list[InputRecord]] = {}
    for record in corpus.inputs:
        point = corpus.truth_point[record.id]
        if not point.startswith("noise"):
            by_point.setdefault(point, []).append(record)
    labels = {}
    for point, records in by_point.items():
        opposing = {r.organisation for r in records if r.stance == "oppose"}
        behind = {r.organisation for r in records if r.stance != "oppose"}
        kinds = {r.organisation_kind for r in records}
        labels[point] = (
            "divergent"
            if opposing and behind
            else "consensus"
            if len(kinds) >= 2
            else "single-source"
        )
    return labels
