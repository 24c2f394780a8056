"""A consultation corpus with known truth, for measuring the aggregation's quality.

Each thematic issue has key points drawn from the seed consultation (14 November 2017);
every key point is written in Indonesian and in English, each in two phrasings with
synonyms picked at random ({a|b} below), framed by openers and qualifiers that several
key points share. Around them: campaign letters (one text sent by many organisations,
each copy with a small edit), off-topic noise, organisations of several kinds and, for
some key points, organisations that oppose. The generator records the truth: the key
point of every input, the campaign groups, and each key point's label by the rule of
`positions/aggregation/pipeline.py`.
"""

import random
import re
from dataclasses import dataclass, field

from positions.aggregation import InputRecord, IssueRecord

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

OPENERS = {
    "en": [
        "",
        "",
        "We believe that ",
        "In our view, ",
        "Our organisation stresses that ",
        "From our field work, ",
        "As stated in the meeting, ",
        "Allow us to note that ",
        "Our members report that ",
        "To be frank, ",
    ],
    "id": [
        "",
        "",
        "Kami berpendapat bahwa ",
        "Menurut kami, ",
        "Organisasi kami menegaskan bahwa ",
        "Dari kerja lapangan kami, ",
        "Seperti disampaikan dalam rapat, ",
        "Izinkan kami mencatat bahwa ",
        "Anggota kami melaporkan bahwa ",
        "Terus terang, ",
    ],
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
NOISE = (
    "the meeting room was cold and lunch arrived late thanks organisers schedule parking "
    "ruang rapat dingin makan siang terlambat terima kasih panitia jadwal parkir kopi "
    "projector microphone slides agenda printed badges hotel taxi weather rain"
).split()
SYLLABLES = [c + v for c in "bdklmrst" for v in "aiu"]


def _place(rng: random.Random, lang: str) -> str:
    if rng.random() < 0.3:
        return ""
    return (" in " if lang == "en" else " di ") + rng.choice(PLACES)


def _noise(rng: random.Random) -> str:
    """Off-topic remarks: a few common words and words no other input uses."""
    made = ["".join(rng.choices(SYLLABLES, k=3)) for _ in range(rng.randint(4, 7))]
    return " ".join(rng.sample(NOISE, 3) + made).capitalize() + "."


_CHOICE = re.compile(r"\{([^{}]*)\}")


def _fill(template: str, rng: random.Random) -> str:
    return _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)


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
        base = (
            rng.choice(OPENERS[lang][2:])
            + _fill(phrasing, rng).rstrip(".")
            + rng.choice(QUALIFIERS[lang][2:])
            + "."
        )
        size = min(n_campaign, rng.randint(5, 25))
        members = []
        for org in rng.sample(speakers, min(size, len(speakers))):
            tokens = base.split()
            j = rng.randrange(len(tokens))
            tokens[j] = tokens[j][:-1] if len(tokens[j]) > 3 else tokens[j] + "x"  # a typo
            stance = "oppose" if org in opposers else "support"
            members.append(add(org, issue, k, " ".join(tokens), lang, stance))
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
        text = (
            rng.choice(OPENERS[lang])
            + _fill(phrasing, rng).rstrip(".")
            + _place(rng, lang)
            + rng.choice(QUALIFIERS[lang])
            + "."
        )
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
