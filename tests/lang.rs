//! Language detection measured on the dev corpus: whole articles and sentence-level samples.

use dossier::core::lang::{detect, LANGS};
use dossier::core::text::sentences;

fn dev_articles() -> Option<Vec<(String, String)>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");
    let entries = std::fs::read_dir(dir).ok()?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let raw = std::fs::read_to_string(&p).ok()?;
        let v: serde_json::Value = serde_json::from_str(&raw).ok()?;
        if let (Some(lang), Some(text)) = (v["lang"].as_str(), v["text"].as_str()) {
            out.push((lang.to_string(), text.to_string()));
        }
    }
    Some(out)
}

#[test]
fn short_texts_and_titles() {
    let cases: &[(&str, &str)] = &[
        (
            "vi",
            "Thủ tướng Phạm Minh Chính tiếp Chủ tịch Tập đoàn Meta",
        ),
        (
            "fr",
            "Le Premier ministre reçoit le patron de Nvidia à Paris",
        ),
        ("id", "Presiden Jokowi bertemu CEO Facebook di Istana"),
        ("en", "Musk meets Modi in New York ahead of the state visit"),
        (
            "de",
            "Scholz und Intel-Chef unterzeichnen Vertrag für die Fabrik",
        ),
        (
            "es",
            "Sánchez recibe al consejero delegado de OpenAI en la Moncloa",
        ),
        (
            "it",
            "Meloni riceve Elon Musk a Palazzo Chigi per parlare di intelligenza artificiale",
        ),
        (
            "pt",
            "Lula visita centro de pesquisa da Huawei em Xangai e não fala com a imprensa",
        ),
        ("en", "12345 !!!"),
        ("en", ""),
    ];
    for (want, text) in cases {
        assert_eq!(detect(text), *want, "{text}");
    }
}

#[test]
fn dev_articles_and_sentences() {
    let Some(articles) = dev_articles() else {
        eprintln!("SKIP: dev corpus folder is absent");
        return;
    };
    let mut art_ok = 0;
    for (lang, text) in &articles {
        if detect(text) == lang {
            art_ok += 1;
        } else {
            eprintln!("article misdetected: {lang} → {}", detect(text));
        }
    }
    let (mut n, mut ok) = (0, 0);
    let mut confusion: std::collections::BTreeMap<(String, &str), usize> = Default::default();
    for (lang, text) in &articles {
        for s in sentences(text) {
            let s = s.slice(text);
            if s.chars().count() < 40 {
                continue;
            }
            n += 1;
            let got = detect(s);
            if got == lang {
                ok += 1;
            } else {
                *confusion.entry((lang.clone(), got)).or_default() += 1;
                eprintln!("  {lang}→{got}: {s}");
            }
        }
    }
    eprintln!(
        "articles {art_ok}/{} ; sentences {ok}/{n} = {:.1}% ; confusion {confusion:?} ; langs {LANGS:?}",
        articles.len(),
        100.0 * ok as f64 / n.max(1) as f64
    );
    assert_eq!(art_ok, articles.len());
    assert!(ok as f64 >= 0.95 * n as f64, "{ok}/{n}");
}

/// Sentences and headlines on other subjects (weather, sport, prices), written for this test.
const OTHER_SUBJECTS: &[(&str, &str)] = &[
    (
        "en",
        "Rain is expected across the region for most of the weekend.",
    ),
    (
        "en",
        "The company reported a sharp fall in quarterly profit on Tuesday.",
    ),
    (
        "en",
        "Officials said the bridge would remain closed until repairs are finished.",
    ),
    (
        "en",
        "Hundreds of fans waited outside the stadium for hours.",
    ),
    ("en", "She was appointed minister of finance last year."),
    (
        "en",
        "Police have arrested two men in connection with the robbery.",
    ),
    (
        "fr",
        "La pluie devrait tomber sur toute la région pendant le week-end.",
    ),
    (
        "fr",
        "Les syndicats ont appelé à une nouvelle journée de grève jeudi.",
    ),
    (
        "fr",
        "Le maire a annoncé la fermeture de la piscine municipale.",
    ),
    (
        "fr",
        "Des milliers de personnes ont manifesté dans les rues de Lyon.",
    ),
    (
        "fr",
        "Le gouvernement veut réduire le déficit public dès l'an prochain.",
    ),
    (
        "fr",
        "Selon les experts, la sécheresse pourrait durer plusieurs mois.",
    ),
    (
        "id",
        "Hujan deras diperkirakan turun di sebagian besar wilayah Jawa Barat.",
    ),
    (
        "id",
        "Pemerintah berencana menaikkan harga bahan bakar bulan depan.",
    ),
    (
        "id",
        "Ribuan warga memadati alun-alun kota untuk merayakan tahun baru.",
    ),
    (
        "id",
        "Polisi menangkap dua orang tersangka pencurian sepeda motor.",
    ),
    (
        "id",
        "Menteri Keuangan menyampaikan laporan anggaran kepada DPR.",
    ),
    (
        "id",
        "Banjir merendam ratusan rumah warga di pinggiran Jakarta.",
    ),
    (
        "vi",
        "Mưa lớn dự kiến kéo dài ở các tỉnh miền Trung trong tuần này.",
    ),
    (
        "vi",
        "Chính phủ đặt mục tiêu tăng trưởng kinh tế 6,5% trong năm nay.",
    ),
    (
        "vi",
        "Hàng nghìn người dân đổ về trung tâm thành phố để xem pháo hoa.",
    ),
    (
        "vi",
        "Công an đã bắt giữ hai nghi phạm trong vụ trộm xe máy.",
    ),
    ("vi", "Bộ Y tế khuyến cáo người dân tiêm vắc xin đầy đủ."),
    (
        "vi",
        "Giá xăng dầu tiếp tục giảm trong kỳ điều hành chiều nay.",
    ),
    (
        "de",
        "Für das Wochenende wird in der ganzen Region Regen erwartet.",
    ),
    (
        "de",
        "Die Gewerkschaft ruft für Donnerstag zu einem weiteren Streik auf.",
    ),
    (
        "de",
        "Der Bürgermeister kündigte die Schließung des Hallenbads an.",
    ),
    (
        "de",
        "Tausende Menschen demonstrierten am Samstag in Leipzig.",
    ),
    (
        "de",
        "Die Regierung will das Defizit im nächsten Jahr deutlich senken.",
    ),
    (
        "de",
        "Nach Angaben der Polizei wurden zwei Männer festgenommen.",
    ),
    (
        "es",
        "Se espera lluvia en toda la región durante el fin de semana.",
    ),
    (
        "es",
        "Los sindicatos convocaron una nueva huelga para el jueves.",
    ),
    (
        "es",
        "El alcalde anunció el cierre de la piscina municipal.",
    ),
    (
        "es",
        "Miles de personas se manifestaron en las calles de Sevilla.",
    ),
    (
        "es",
        "El Gobierno quiere reducir el déficit público el próximo año.",
    ),
    (
        "es",
        "Según los expertos, la sequía podría durar varios meses.",
    ),
    (
        "it",
        "Nel fine settimana è prevista pioggia su tutta la regione.",
    ),
    (
        "it",
        "I sindacati hanno proclamato un nuovo sciopero per giovedì.",
    ),
    (
        "it",
        "Il sindaco ha annunciato la chiusura della piscina comunale.",
    ),
    (
        "it",
        "Migliaia di persone hanno manifestato per le strade di Torino.",
    ),
    (
        "it",
        "Il governo vuole ridurre il deficit pubblico il prossimo anno.",
    ),
    (
        "it",
        "Secondo gli esperti, la siccità potrebbe durare diversi mesi.",
    ),
    (
        "pt",
        "A previsão é de chuva em toda a região durante o fim de semana.",
    ),
    (
        "pt",
        "Os sindicatos convocaram uma nova greve para quinta-feira.",
    ),
    (
        "pt",
        "O prefeito anunciou o fechamento da piscina municipal.",
    ),
    (
        "pt",
        "Milhares de pessoas protestaram nas ruas de Belo Horizonte.",
    ),
    (
        "pt",
        "O governo quer reduzir o déficit público no próximo ano.",
    ),
    (
        "pt",
        "Segundo os especialistas, a seca pode durar vários meses.",
    ),
    ("en", "Storm leaves thousands without power"),
    ("en", "Central bank holds interest rates steady"),
    ("en", "Minister resigns after expenses row"),
    ("en", "Local team wins first title in decades"),
    ("en", "New rules for drivers come into force"),
    (
        "fr",
        "La tempête prive des milliers de foyers d'électricité",
    ),
    ("fr", "La banque centrale maintient ses taux"),
    ("fr", "Un ministre démissionne après une polémique"),
    ("fr", "Les prix de l'énergie repartent à la hausse"),
    ("fr", "Nouvelles règles pour les conducteurs dès lundi"),
    ("id", "Badai sebabkan ribuan rumah tanpa listrik"),
    ("id", "Bank sentral pertahankan suku bunga"),
    ("id", "Menteri mundur setelah skandal anggaran"),
    ("id", "Harga beras naik menjelang Lebaran"),
    ("id", "Aturan baru bagi pengemudi mulai berlaku"),
    ("vi", "Bão khiến hàng nghìn hộ dân mất điện"),
    ("vi", "Ngân hàng Nhà nước giữ nguyên lãi suất"),
    ("vi", "Bộ trưởng từ chức sau bê bối chi tiêu"),
    ("vi", "Giá gạo tăng mạnh trước Tết"),
    ("vi", "Quy định mới cho tài xế có hiệu lực"),
    ("de", "Sturm lässt Tausende ohne Strom"),
    ("de", "Zentralbank belässt Leitzins unverändert"),
    ("de", "Minister tritt nach Spesenaffäre zurück"),
    ("de", "Energiepreise steigen wieder"),
    ("de", "Neue Regeln für Autofahrer treten in Kraft"),
    ("es", "La tormenta deja a miles de hogares sin luz"),
    ("es", "El banco central mantiene los tipos de interés"),
    ("es", "Dimite un ministro tras la polémica por sus gastos"),
    ("es", "Los precios de la energía vuelven a subir"),
    ("es", "Nuevas normas para los conductores desde el lunes"),
    ("it", "La tempesta lascia migliaia di case senza corrente"),
    ("it", "La banca centrale lascia i tassi invariati"),
    ("it", "Si dimette un ministro dopo la polemica sulle spese"),
    ("it", "I prezzi dell'energia tornano a salire"),
    ("it", "Nuove regole per gli automobilisti da lunedì"),
    ("pt", "Tempestade deixa milhares de casas sem energia"),
    ("pt", "Banco central mantém a taxa de juros"),
    ("pt", "Ministro pede demissão após polêmica com gastos"),
    ("pt", "Preços da energia voltam a subir"),
    ("pt", "Novas regras para motoristas entram em vigor"),
    (
        "en",
        "The museum reopened its doors after a two-year renovation.",
    ),
    ("en", "Tickets for the concert sold out within minutes."),
    (
        "en",
        "Farmers are worried about the lack of rain this spring.",
    ),
    ("en", "Striker scores twice as City beat United"),
    ("en", "Scientists discover new species of frog in Peru"),
    (
        "fr",
        "Le musée a rouvert ses portes après deux ans de travaux.",
    ),
    (
        "fr",
        "Les billets pour le concert se sont vendus en quelques minutes.",
    ),
    (
        "fr",
        "Les agriculteurs s'inquiètent du manque de pluie ce printemps.",
    ),
    (
        "fr",
        "Un doublé de l'attaquant offre la victoire à Marseille",
    ),
    (
        "fr",
        "Des scientifiques découvrent une nouvelle espèce de grenouille",
    ),
    (
        "id",
        "Museum itu kembali dibuka setelah renovasi selama dua tahun.",
    ),
    ("id", "Tiket konser terjual habis dalam hitungan menit."),
    (
        "id",
        "Petani khawatir karena hujan tak kunjung turun musim ini.",
    ),
    ("id", "Dua gol sang penyerang bawa Persib menang"),
    ("id", "Ilmuwan temukan spesies katak baru di Papua"),
    ("vi", "Bảo tàng mở cửa trở lại sau hai năm cải tạo."),
    ("vi", "Vé buổi hòa nhạc đã được bán hết chỉ trong vài phút."),
    ("vi", "Nông dân lo lắng vì thiếu mưa trong mùa xuân này."),
    ("vi", "Cú đúp của tiền đạo giúp Hà Nội FC thắng trận"),
    ("vi", "Các nhà khoa học phát hiện loài ếch mới"),
    (
        "de",
        "Das Museum hat nach zwei Jahren Umbau wieder geöffnet.",
    ),
    (
        "de",
        "Die Karten für das Konzert waren innerhalb von Minuten ausverkauft.",
    ),
    (
        "de",
        "Landwirte sorgen sich wegen des fehlenden Regens im Frühjahr.",
    ),
    ("de", "Doppelpack des Stürmers sichert Bayern den Sieg"),
    ("de", "Forscher entdecken neue Froschart in Peru"),
    ("es", "El museo reabrió sus puertas tras dos años de obras."),
    (
        "es",
        "Las entradas para el concierto se agotaron en pocos minutos.",
    ),
    (
        "es",
        "Los agricultores están preocupados por la falta de lluvia esta primavera.",
    ),
    ("es", "Un doblete del delantero da la victoria al Betis"),
    (
        "es",
        "Científicos descubren una nueva especie de rana en Perú",
    ),
    (
        "it",
        "Il museo ha riaperto le porte dopo due anni di lavori.",
    ),
    (
        "it",
        "I biglietti per il concerto sono andati esauriti in pochi minuti.",
    ),
    (
        "it",
        "Gli agricoltori sono preoccupati per la mancanza di pioggia questa primavera.",
    ),
    ("it", "Doppietta dell'attaccante, il Napoli vince ancora"),
    ("it", "Scienziati scoprono una nuova specie di rana in Perù"),
    (
        "pt",
        "O museu reabriu as portas depois de dois anos de obras.",
    ),
    (
        "pt",
        "Os ingressos para o show se esgotaram em poucos minutos.",
    ),
    (
        "pt",
        "Os agricultores estão preocupados com a falta de chuva nesta primavera.",
    ),
    (
        "pt",
        "Atacante marca duas vezes e Flamengo vence o clássico",
    ),
    ("pt", "Cientistas descobrem nova espécie de sapo no Peru"),
];

#[test]
fn other_subjects_sentences_and_headlines() {
    let mut ok = 0;
    for (want, text) in OTHER_SUBJECTS {
        if detect(text) == *want {
            ok += 1;
        } else {
            eprintln!("  {want}→{}: {text}", detect(text));
        }
    }
    let n = OTHER_SUBJECTS.len();
    eprintln!("other subjects: {ok}/{n}");
    assert!(ok as f64 >= 0.95 * n as f64, "{ok}/{n}");
}
