# ruff: noqa: E501 — one entry a line reads better unbroken
"""A bilingual lexicon of the words a migration consultation is written in.

The glossary (`glossary.py`) names the domain's concepts; this lexicon carries the
ordinary vocabulary around them — fees and wages, contracts and complaints, villages and
families, to strengthen, to monitor, to report — so that the same point said in
Indonesian and in English shares words even where no concept is named. Its words are
everyday words: each line becomes one feature for both languages with an ordinary
word's weight (never a concept's), so the lexicon lets two languages meet and never
holds a key point together on its own.

Where the words come from: the vocabulary of Indonesia's Law 18/2017 on the Protection
of Indonesian Migrant Workers and of its English translation, of the 23 objectives of
the Global Compact for Safe, Orderly and Regular Migration and of their Indonesian
rendering, and of ordinary Indonesian and English administrative writing. None comes
from an evaluation corpus.

One line per entry: Indonesian words or phrases, "=", English ones; "," between
synonyms. Terms are stemmed as the glossary's are, so "pengawasan", "mengawasi" and
"diawasi" all meet "monitor", "monitoring" and "monitored".
"""

LEXICON = """
biaya, ongkos, pungutan, tarif = fee, cost, charge, expense
upah, gaji, bayaran = wage, salary, remuneration
kontrak, perjanjian kerja = contract, employment contract
membebani, dibebankan, dibebani, beban, menanggung, ditanggung, tanggungan = burden, bear, borne
pengaduan, keluhan, aduan, mengadu = complaint, grievance, complain
informasi, keterangan, sosialisasi = information, awareness, outreach
melaporkan, laporan, pelaporan = report, reporting
mengawasi, pengawasan, memantau, pemantauan = monitor, monitoring, oversight, supervise, supervision
mengatur, regulasi, peraturan, aturan = regulate, regulation, rule
melaksanakan, pelaksanaan, implementasi, menerapkan, penerapan = implement, implementation, apply
menegakkan, penegakan = enforce, enforcement
memperkuat, penguatan = strengthen, reinforce
memastikan, menjamin, jaminan = ensure, guarantee, assure
menyediakan, penyediaan, memberikan = provide, provision, supply
melibatkan, keterlibatan, partisipasi = involve, involvement, participation, engage, engagement
koordinasi, berkoordinasi, mengoordinasikan = coordination, coordinate
hukuman, sanksi, menghukum = sanction, penalty, punishment
pelaku, pelanggar = perpetrator, offender
sindikat, jaringan kejahatan = syndicate, criminal network
perbatasan, batas negara = border, frontier
kejahatan, kriminal, tindak pidana = crime, criminal, offence, offense
korupsi, suap, pungli = corruption, bribery, bribe
penipuan, menipu, tertipu = fraud, deceive, deception, scam, cheat
eksploitasi, mengeksploitasi, dieksploitasi = exploitation, exploit, exploited
kekerasan, penganiayaan, pelecehan = violence, abuse, harassment
kerja paksa, perbudakan = forced labour, forced labor, slavery
jeratan utang, utang, hutang = debt bondage, debt, loan
pinjaman, kredit = credit, loan scheme
keluarga, anak-anak, anak = family, child, children
perempuan, wanita = woman, women, female
laki-laki, pria = man, men, male
pekerja rumah tangga, prt, pembantu rumah tangga = domestic worker, domestic helper, housemaid
nelayan, anak buah kapal, abk, awak kapal = fisherman, fishermen, fisher, seafarer, crew
kapal, kapal asing = vessel, ship, boat
sektor, bidang = sector, field
formal = formal
informal = informal
keterampilan rendah, berketerampilan rendah = low-skilled, low skilled
pemulangan, dipulangkan, memulangkan, repatriasi = repatriation, repatriate, return home
kepulangan, pulang = return, returning, come back
purna, purna pekerja, mantan pekerja = returnee, returned worker, former worker
reintegrasi, pemberdayaan = reintegration, empowerment, empower
usaha, wirausaha, kewirausahaan, bisnis = business, enterprise, entrepreneurship
modal, permodalan = capital, startup capital
pelatihan kerja, pelatihan vokasi, balai latihan = vocational training
keberangkatan, berangkat, pra-keberangkatan, prakeberangkatan = departure, pre-departure, predeparture
penempatan, ditempatkan, menempatkan = placement, deployment, deploy
perekrutan, rekrutmen, merekrut = recruitment, recruit, hiring, hire
sponsor, petugas lapangan = sponsor, field agent
dokumen, dokumentasi, berkas = document, documentation, paperwork
identitas, ktp, kartu identitas = identity, identity card, id card
visa, izin kerja, izin tinggal = visa, work permit, residence permit
deportasi, dideportasi, mendeportasi = deportation, deport, deported
amnesti, pemutihan = amnesty, regularisation, regularization
penahanan, tahanan, ditahan imigrasi = detention, detained, detain
imigrasi, keimigrasian = immigration authority, immigration office
penyelundup = smuggler
hukuman mati, eksekusi, vonis mati = death penalty, death sentence, execution
pengacara, advokat, penasihat hukum = lawyer, counsel, legal counsel
pengadilan, peradilan, sidang = court, trial, tribunal
kedutaan, kedubes, kjri, kbri = embassy, consulate general
diplomasi, diplomatik = diplomacy, diplomatic
bilateral, perjanjian bilateral, mou = bilateral, bilateral agreement, memorandum of understanding
multilateral = multilateral
internasional, global = international, global
nasional = national
daerah, provinsi, kabupaten, pemerintah daerah, pemda = regional government, province, district, local government
pusat, pemerintah pusat = central government
pemerintah = government
lembaga swadaya masyarakat, lsm, masyarakat sipil, ormas = civil society, non-governmental organisation, ngo
swasta, sektor swasta, perusahaan = private sector, company, firm, business sector
serikat, serikat pekerja, serikat buruh = union, trade union, labour union
asuransi, bpjs, jaminan sosial = insurance, social security, social protection
kesehatan jiwa, psikologis, trauma = mental health, psychological, trauma
rumah sakit, klinik, perawatan = hospital, clinic, treatment, care
pendidikan anak, sekolah = schooling, school
anak pekerja migran = children of migrant workers
stigma, diskriminasi, mendiskriminasi = stigma, discrimination, discriminate
gender, kesetaraan gender = gender, gender equality
iklim, perubahan iklim = climate, climate change
bencana, bencana alam = disaster, natural disaster
lingkungan = environment
pengungsi, suaka = refugee, asylum
pencari suaka = asylum seeker
transit, negara transit = transit, transit country
penduduk, populasi, warga desa = population, resident, residents
kemiskinan = poverty
pengangguran, menganggur = unemployment, unemployed, jobless
lapangan kerja, lowongan = job, jobs, vacancy, job opportunity
ekonomi, perekonomian = economy, economic
investasi, menanamkan modal = investment, invest
produktif, produktivitas = productive, productivity
tabungan, menabung = savings, save money
transfer uang, pengiriman uang = money transfer, money transfers
literasi keuangan, edukasi keuangan = financial literacy, financial education
biaya transfer, biaya pengiriman = transfer cost, transfer fee
pembangunan, membangun = development, develop
infrastruktur = infrastructure
teknologi, digital, daring, online, aplikasi = technology, digital, online, application, app
basis data, pangkalan data = database
statistik = statistics
pencatatan, mencatat, tercatat, registrasi, pendaftaran = registration, register, record, recording
akurat, valid = accurate, reliable
terpilah, dipilah = disaggregated
penelitian, riset, kajian, studi = research, study, studies
bukti, data empiris = evidence, empirical
survei = survey
kasus, perkara = case, cases
jumlah, angka = number, figure, amount
meningkat, kenaikan, bertambah = increase, rise, grow
menurun, penurunan, berkurang = decrease, decline, fall
mencegah, pencegahan = prevent, prevention
menangani, penanganan = handle, address, deal with
memulihkan, pemulihan, rehabilitasi = recovery, recover, rehabilitation
pendampingan, mendampingi = accompaniment, assistance, support services
bantuan, membantu = assistance, help, aid
darurat, krisis = emergency, crisis
evakuasi, mengevakuasi = evacuation, evacuate
tempat penampungan, shelter, rumah aman = shelter, safe house
hak asasi manusia, ham = human rights
martabat, bermartabat = dignity, dignified
keadilan, adil = justice, fair, fairness
transparansi, transparan, terbuka = transparency, transparent
akuntabilitas, akuntabel = accountability, accountable
tanggung jawab, bertanggung jawab = responsibility, responsible, accountable for
kewajiban, wajib = obligation, obligatory, mandatory, compulsory
melarang, larangan, dilarang = ban, prohibit, prohibition, forbid
moratorium, penghentian sementara = moratorium, suspension
mencabut, pencabutan = lift, revoke, revocation
membatasi, pembatasan = restrict, restriction, limit
kuota = quota
standar, standardisasi = standard, standards
minimum, minimal = minimum
jam kerja, lembur = working hours, overtime
libur, hari libur, cuti = day off, rest day, leave
tempat tinggal, akomodasi, asrama = accommodation, housing, dormitory
makanan, makan = food, meal
sertifikasi = certification
bahasa, kemampuan bahasa = language, language skills
budaya = culture, cultural
orientasi = orientation
calon pekerja migran, cpmi, calon tki = prospective migrant worker, would-be migrant
desa migran, desmigratif = migrant village
kepala desa, perangkat desa = village head, village officials
layanan terpadu satu atap, ltsa, satu atap = one-stop service, one-roof service
dinas tenaga kerja, disnaker = manpower office, labour office
kementerian ketenagakerjaan, kemnaker = ministry of manpower
kementerian luar negeri, kemlu = ministry of foreign affairs, foreign ministry
bp2mi, bnp2tki = bp2mi, bnp2tki
kepolisian, polisi, polri = police
jaksa, kejaksaan, penuntut = prosecutor, prosecution service
anggaran, dana, pendanaan, pembiayaan = budget, funding, finance, financing
program, kegiatan = programme, program, activity, scheme
kantor, loket, pos layanan = office, counter, service point
petugas, pegawai, aparat, staf = officer, official, staff, personnel
mempercepat, percepatan, cepat, segera = speed up, fast, quick, quickly, prompt, promptly, immediately
lambat, lamban, berbelit = slow, lengthy, cumbersome
mahal, kemahalan = expensive, costly
murah, terjangkau, gratis, cuma-cuma, tanpa biaya = cheap, affordable, free, free of charge, zero cost
sulit, susah, rumit = difficult, hard, complicated
mudah, gampang, sederhana, menyederhanakan = easy, simple, simplify
penting, mendesak, prioritas = important, urgent, priority
rentan, kerentanan = vulnerable, vulnerability, at risk
memperluas, perluasan = expand, extend, scale up, widen
mengurangi, memangkas, pengurangan = reduce, cut, lower, reduction
menambah, menambahkan = add, more
memfasilitasi, fasilitasi = facilitate, facilitation
mendorong, dorongan = encourage, promote
mengakui, pengakuan = recognise, recognize, acknowledge
meminta, mendesak, menuntut, mengimbau = ask, call on, demand, urge
menyediakan layanan, melayani = serve, deliver services
memahami, pemahaman, paham, mengerti = understand, understanding, awareness
mengetahui, pengetahuan, tahu = know, knowledge
memberitahu, pemberitahuan, notifikasi, kabar = notify, notification, inform, news
menerjemahkan, penerjemah, juru bahasa = translate, translator, interpreter
menangkap, penangkapan, ditangkap = arrest, arrested, apprehend
membela, pembelaan = defend, defence, defense
menyelamatkan, penyelamatan = save, rescue
meninggal, kematian, wafat = die, death, died
jenazah = remains, body of the deceased
tersesat, hilang, kehilangan kontak = missing, lost contact
gajinya tidak dibayar, upah tidak dibayar, gaji tertunggak = unpaid wages, wage theft
majikan kabur, kabur, melarikan diri = run away, flee, escape
tinggal, menetap = stay, live, reside
kampung halaman, kampung = hometown, home village
orang tua = parents
suami, istri, pasangan = husband, wife, spouse
pengasuhan, mengasuh = care for children, childcare
sekolah dasar, pendidikan dasar = primary school, basic education
akta kelahiran, akte lahir = birth certificate, birth registration
kewarganegaraan, tanpa kewarganegaraan = citizenship, nationality, stateless, statelessness
tenaga kesehatan, perawat = nurse, health worker, caregiver
perkebunan, kelapa sawit, sawit = plantation, palm oil
konstruksi, bangunan = construction, building site
pertanian, petani = agriculture, farming, farmer
manufaktur, pabrik = manufacturing, factory
jasa keuangan, lembaga keuangan = financial services, financial institution
rekening, rekening bank = bank account, account
koperasi = cooperative
pelatihan usaha, pelatihan kewirausahaan = business training, entrepreneurship training
pendampingan usaha, pembinaan = mentoring, coaching
pasar, pemasaran = market, marketing
produk = product
keterampilan baru, keahlian baru = new skills
peluang, kesempatan = opportunity, chance
masa depan = future
masyarakat, komunitas = community, society
tokoh agama, gereja, masjid = religious leader, church, mosque
media, media sosial, berita = media, social media, news outlets
kampanye, penyuluhan = campaign, awareness raising, outreach campaign
sosialisasi di desa = village outreach
pemetaan, peta = mapping, map
tingkat desa, level desa = village level
sistem informasi = information system
satu data, integrasi data = single data, data integration
berbagi data, pertukaran data = data sharing, data exchange
privasi, kerahasiaan, data pribadi = privacy, confidentiality, personal data
evaluasi, menilai kinerja = evaluation, evaluate, assessment, assess
kualitas, mutu = quality
kurikulum, materi = curriculum, material, content
bahasa asing = foreign language
lama, durasi = duration, length
bulan, minggu = month, week
tahun = year
ratusan, ribuan, jutaan = hundreds, thousands, millions
rupiah, juta rupiah = rupiah
dolar, ringgit, riyal = dollar, ringgit, riyal
malaysia, sabah, serawak = malaysia, sabah, sarawak
arab saudi, timur tengah = saudi arabia, middle east
hong kong, taiwan = hong kong, taiwan
"""


def lexicon_entries() -> list[tuple[str, str, str]]:
    """(name, Indonesian terms, English terms) in the glossary's format, "|" between terms."""
    entries = []
    for line in LEXICON.strip().splitlines():
        indonesian, english = (side.strip() for side in line.split("="))
        terms_id = [t.strip() for t in indonesian.split(",") if t.strip()]
        terms_en = [t.strip() for t in english.split(",") if t.strip()]
        name = terms_en[0].replace(" ", "-")
        entries.append((name, "|".join(terms_id), "|".join(terms_en)))
    return entries
