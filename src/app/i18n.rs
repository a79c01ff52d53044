//! The page's words in English, French, Indonesian and Vietnamese (a small string table), and the
//! choice of language from the URL or the browser.

/// Interface languages, in the order of the table's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    Id,
    Vi,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Id, Lang::Vi];

    pub fn code(self) -> &'static str {
        ["en", "fr", "id", "vi"][self as usize]
    }

    /// The language's own name, as the switch lists it.
    pub fn name(self) -> &'static str {
        ["English", "Français", "Bahasa Indonesia", "Tiếng Việt"][self as usize]
    }

    /// `fr`, `fr-CA`, `vi-VN`... → the language; anything else → None.
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code.split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| base.eq_ignore_ascii_case(l.code()))
    }
}

/// The browser's preferred interface language, or English.
pub fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|l| Lang::from_code(&l))
        .unwrap_or(Lang::En)
}

/// Keys of the string table (one row each in `T`).
#[derive(Debug, Clone, Copy)]
pub enum K {
    Tagline,
    Skip,
    Filters,
    Search,
    Company,
    Person,
    Place,
    Topic,
    ArticleLang,
    From,
    To,
    Clear,
    Views,
    Timeline,
    Topics,
    Entities,
    Network,
    Meeting,
    Meetings,
    GroupBy,
    Months,
    Years,
    NoMeetingsFor,
    MonthsUnit,
    YearsUnit,
    Planned,
    PlaceUnknown,
    DateUnknown,
    Sources,
    Articles,
    UnknownSource,
    Back,
    Published,
    Source,
    Original,
    Evidence,
    Heatmap,
    Sentences,
    Kind,
    Role,
    Affiliation,
    Name,
    InArticles,
    InMeetings,
    Nothing,
    Interface,
    Links,
    NotFound,
    Organisation,
}

/// Columns: English, French, Indonesian, Vietnamese.
const T: [[&str; 4]; 49] = [
    [
        "Who met whom, where and when — across languages.",
        "Qui a rencontré qui, où et quand — dans toutes les langues.",
        "Siapa bertemu siapa, di mana dan kapan — lintas bahasa.",
        "Ai gặp ai, ở đâu và khi nào — qua nhiều ngôn ngữ.",
    ],
    [
        "Skip to content",
        "Aller au contenu",
        "Langsung ke isi",
        "Chuyển đến nội dung",
    ],
    ["Filters", "Filtres", "Filter", "Bộ lọc"],
    ["Search", "Rechercher", "Cari", "Tìm kiếm"],
    ["Company", "Entreprise", "Perusahaan", "Công ty"],
    ["Person", "Personne", "Tokoh", "Nhân vật"],
    ["Place", "Lieu", "Tempat", "Địa điểm"],
    ["Topic", "Thème", "Topik", "Chủ đề"],
    [
        "Article language",
        "Langue de l’article",
        "Bahasa artikel",
        "Ngôn ngữ bài báo",
    ],
    ["From", "Du", "Dari", "Từ"],
    ["To", "Au", "Sampai", "Đến"],
    [
        "Clear all filters",
        "Effacer les filtres",
        "Hapus semua filter",
        "Xóa mọi bộ lọc",
    ],
    ["Views", "Vues", "Tampilan", "Chế độ xem"],
    ["Timeline", "Chronologie", "Linimasa", "Dòng thời gian"],
    ["Topics", "Thèmes", "Topik", "Chủ đề"],
    [
        "People & organisations",
        "Personnes et organisations",
        "Tokoh & organisasi",
        "Nhân vật & tổ chức",
    ],
    [
        "Who met whom",
        "Qui a rencontré qui",
        "Siapa bertemu siapa",
        "Ai gặp ai",
    ],
    ["meeting", "rencontre", "pertemuan", "cuộc gặp"],
    ["meetings", "rencontres", "pertemuan", "cuộc gặp"],
    ["Group by", "Regrouper par", "Kelompokkan per", "Nhóm theo"],
    ["Months", "Mois", "Bulan", "Tháng"],
    ["Years", "Années", "Tahun", "Năm"],
    [
        "No meetings for",
        "Aucune rencontre pendant",
        "Tidak ada pertemuan selama",
        "Không có cuộc gặp trong",
    ],
    ["months", "mois", "bulan", "tháng"],
    ["years", "ans", "tahun", "năm"],
    ["Planned", "Prévue", "Direncanakan", "Dự kiến"],
    [
        "Place unknown",
        "Lieu inconnu",
        "Tempat tidak diketahui",
        "Chưa rõ địa điểm",
    ],
    [
        "Date unknown",
        "Date inconnue",
        "Tanggal tidak diketahui",
        "Chưa rõ ngày",
    ],
    ["Sources", "Sources", "Sumber", "Nguồn"],
    ["Articles", "Articles", "Artikel", "Bài báo"],
    [
        "Unknown source",
        "Source inconnue",
        "Sumber tidak diketahui",
        "Nguồn không rõ",
    ],
    [
        "Back to the timeline",
        "Retour à la chronologie",
        "Kembali ke linimasa",
        "Quay lại dòng thời gian",
    ],
    ["Published", "Publié", "Terbit", "Ngày đăng"],
    ["Source", "Source", "Sumber", "Nguồn"],
    [
        "Original article",
        "Article original",
        "Artikel asli",
        "Bài gốc",
    ],
    ["Evidence", "Preuve", "Bukti", "Bằng chứng"],
    [
        "Companies × topics",
        "Entreprises × thèmes",
        "Perusahaan × topik",
        "Công ty × chủ đề",
    ],
    ["sentences", "phrases", "kalimat", "câu"],
    ["Kind", "Type", "Jenis", "Loại"],
    ["Role", "Fonction", "Jabatan", "Chức vụ"],
    ["Affiliation", "Rattachement", "Afiliasi", "Đơn vị"],
    ["Name", "Nom", "Nama", "Tên"],
    ["Articles", "Articles", "Artikel", "Bài báo"],
    ["Meetings", "Rencontres", "Pertemuan", "Cuộc gặp"],
    [
        "Nothing matches the filters.",
        "Rien ne correspond aux filtres.",
        "Tidak ada yang cocok dengan filter.",
        "Không có kết quả phù hợp với bộ lọc.",
    ],
    [
        "Interface language",
        "Langue de l’interface",
        "Bahasa antarmuka",
        "Ngôn ngữ giao diện",
    ],
    [
        "Meetings between",
        "Rencontres entre",
        "Pertemuan antara",
        "Các cuộc gặp giữa",
    ],
    [
        "This article is not in the corpus.",
        "Cet article n’est pas dans le corpus.",
        "Artikel ini tidak ada dalam korpus.",
        "Bài báo này không có trong kho.",
    ],
    ["Organisation", "Organisation", "Organisasi", "Tổ chức"],
];

/// The word for `k` in `l`.
pub fn t(l: Lang, k: K) -> &'static str {
    T[k as usize][l as usize]
}

const MONTHS: [[&str; 12]; 4] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    [
        "tháng 1",
        "tháng 2",
        "tháng 3",
        "tháng 4",
        "tháng 5",
        "tháng 6",
        "tháng 7",
        "tháng 8",
        "tháng 9",
        "tháng 10",
        "tháng 11",
        "tháng 12",
    ],
];

/// Month `m` (1-12) in `l`.
pub fn month(l: Lang, m: usize) -> Option<&'static str> {
    MONTHS[l as usize].get(m.wrapping_sub(1)).copied()
}

/// Names of the taxonomy's topics (same order as `core::filter::TOPICS`).
const TOPIC_NAMES: [[&str; 4]; 10] = [
    ["AI", "IA", "AI", "AI"],
    [
        "Semiconductors",
        "Semi-conducteurs",
        "Semikonduktor",
        "Bán dẫn",
    ],
    [
        "Digital transformation",
        "Transformation numérique",
        "Transformasi digital",
        "Chuyển đổi số",
    ],
    [
        "Cybersecurity",
        "Cybersécurité",
        "Keamanan siber",
        "An ninh mạng",
    ],
    [
        "Internet of Things",
        "Internet des objets",
        "Internet of Things",
        "Internet vạn vật",
    ],
    [
        "VR & metaverse",
        "RV et métavers",
        "VR & metaverse",
        "VR & metaverse",
    ],
    [
        "Education & training",
        "Éducation et formation",
        "Pendidikan & pelatihan",
        "Giáo dục & đào tạo",
    ],
    [
        "Investment & manufacturing",
        "Investissement et production",
        "Investasi & manufaktur",
        "Đầu tư & sản xuất",
    ],
    [
        "Tax & regulation",
        "Fiscalité et réglementation",
        "Pajak & regulasi",
        "Thuế & quy định",
    ],
    ["Finance", "Finance", "Keuangan", "Tài chính"],
];

/// A topic id's name in `l` (the id itself when it is not in the taxonomy).
pub fn topic_name(l: Lang, id: &str) -> String {
    match crate::core::filter::topic_index(id) {
        Some(i) => TOPIC_NAMES[i][l as usize].to_string(),
        None => id.to_string(),
    }
}

const LANG_CODES: [&str; 8] = ["en", "fr", "id", "vi", "de", "es", "it", "pt"];
const LANG_NAMES: [[&str; 4]; 8] = [
    ["English", "anglais", "Inggris", "tiếng Anh"],
    ["French", "français", "Prancis", "tiếng Pháp"],
    ["Indonesian", "indonésien", "Indonesia", "tiếng Indonesia"],
    ["Vietnamese", "vietnamien", "Vietnam", "tiếng Việt"],
    ["German", "allemand", "Jerman", "tiếng Đức"],
    ["Spanish", "espagnol", "Spanyol", "tiếng Tây Ban Nha"],
    ["Italian", "italien", "Italia", "tiếng Ý"],
    ["Portuguese", "portugais", "Portugis", "tiếng Bồ Đào Nha"],
];

/// The name of an article language ("fr" → "French" in English), or the code itself.
pub fn language_name(l: Lang, code: &str) -> String {
    match LANG_CODES.iter().position(|c| *c == code) {
        Some(i) => LANG_NAMES[i][l as usize].to_string(),
        None => code.to_string(),
    }
}

// ---- Import panel (src/app/import.rs): its own keys and table, kept apart from `K`/`T`.

/// Keys of the Import panel's words (one row each in `TI`).
#[derive(Debug, Clone, Copy)]
pub enum KI {
    Import,
    Paste,
    Title,
    Detect,
    Text,
    Add,
    Files,
    Accepted,
    PerFile,
    Drop,
    Progress,
    Cancel,
    Cancelled,
    Imported,
    Yours,
    Mine,
    Delete,
    ClearMine,
    ConfirmClear,
    Deleted,
    NotSaved,
    NotRead,
    More,
    Busy,
    /// After a count of items a long view leaves out.
    NotShown,
}

/// Columns: English, French, Indonesian, Vietnamese.
const TI: [[&str; 4]; 25] = [
    [
        "Import your articles",
        "Importer vos articles",
        "Impor artikel Anda",
        "Nhập bài báo của bạn",
    ],
    [
        "Paste an article",
        "Coller un article",
        "Tempel artikel",
        "Dán một bài báo",
    ],
    ["Title", "Titre", "Judul", "Tiêu đề"],
    ["Detect", "Détecter", "Deteksi otomatis", "Tự nhận diện"],
    ["Text", "Texte", "Teks", "Nội dung"],
    [
        "Add this article",
        "Ajouter cet article",
        "Tambahkan artikel ini",
        "Thêm bài này",
    ],
    [
        "Files (.txt, .md, .html, .json, .jsonl)",
        "Fichiers (.txt, .md, .html, .json, .jsonl)",
        "Berkas (.txt, .md, .html, .json, .jsonl)",
        "Tệp (.txt, .md, .html, .json, .jsonl)",
    ],
    ["up to", "jusqu’à", "maksimal", "tối đa"],
    ["a file", "par fichier", "per berkas", "mỗi tệp"],
    [
        "Drop files here, or choose them:",
        "Déposez des fichiers ici, ou choisissez-les :",
        "Letakkan berkas di sini, atau pilih:",
        "Thả tệp vào đây, hoặc chọn tệp:",
    ],
    [
        "Import progress",
        "Progression de l’import",
        "Kemajuan impor",
        "Tiến độ nhập",
    ],
    ["Cancel", "Annuler", "Batal", "Hủy"],
    [
        "Import cancelled: nothing was added.",
        "Import annulé : rien n’a été ajouté.",
        "Impor dibatalkan: tidak ada yang ditambahkan.",
        "Đã hủy nhập: không có gì được thêm.",
    ],
    [
        "Articles imported",
        "Articles importés",
        "Artikel diimpor",
        "Số bài đã nhập",
    ],
    [
        "Your articles",
        "Vos articles",
        "Artikel Anda",
        "Bài báo của bạn",
    ],
    ["yours", "à vous", "milik Anda", "của bạn"],
    ["Delete", "Supprimer", "Hapus", "Xóa"],
    [
        "Delete all your articles",
        "Supprimer tous vos articles",
        "Hapus semua artikel Anda",
        "Xóa mọi bài báo của bạn",
    ],
    [
        "Delete all the articles you imported? This cannot be undone.",
        "Supprimer tous les articles importés ? C’est définitif.",
        "Hapus semua artikel yang Anda impor? Tidak bisa dibatalkan.",
        "Xóa mọi bài báo bạn đã nhập? Không thể hoàn tác.",
    ],
    [
        "Articles deleted",
        "Articles supprimés",
        "Artikel dihapus",
        "Số bài đã xóa",
    ],
    [
        "Could not save, nothing was changed",
        "Enregistrement impossible, rien n’a changé",
        "Gagal menyimpan, tidak ada yang berubah",
        "Không lưu được, không có gì thay đổi",
    ],
    [
        "Could not read your saved articles",
        "Lecture de vos articles enregistrés impossible",
        "Gagal membaca artikel tersimpan Anda",
        "Không đọc được các bài đã lưu",
    ],
    ["more", "de plus", "lainnya", "bài nữa"],
    [
        "An import is already under way.",
        "Un import est déjà en cours.",
        "Impor sedang berjalan.",
        "Đang nhập dở.",
    ],
    [
        "not shown: narrow with the filters",
        "non affichés : affinez avec les filtres",
        "tidak ditampilkan: persempit dengan filter",
        "không hiển thị: thu hẹp bằng bộ lọc",
    ],
];

/// The Import panel's word for `k` in `l`.
pub fn ti(l: Lang, k: KI) -> &'static str {
    TI[k as usize][l as usize]
}
