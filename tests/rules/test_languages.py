"""Rules in the language of each document: articles of our own writing in German, French,
Spanish, Portuguese, Italian and Japanese lose their boilerplate and keep every body line, and
English phrases and entity rewrites leave them alone."""

from __future__ import annotations

import pytest

from cleaner.core.settings import Settings
from cleaner.io.formats.base import make_document
from cleaner.pipeline.cleaning import clean_document
from cleaner.rules import make_context, promo_line
from cleaner.rules.languages import phrase_data
from tests.rules.cases import flagged

# (body lines, boilerplate lines) of one article per language; the article is the body with
# the boilerplate lines around and inside it, as a scraper leaves them
ARTICLES = {
    "de": (
        [
            "Die Fähre zur Insel fährt von Montag an wieder nach dem alten Fahrplan.",
            "Der Sturm hatte den Anleger im März so stark beschädigt, dass er drei Wochen gesperrt blieb.",
            "Von Montag an gilt außerdem ein neuer Tarif für Pendler, teilte die Stadt mit.",
            "Die USA und Kanada hatten ähnliche Schäden an ihren Häfen gemeldet.",
            "Anzeigen für Wohnungen am Hafen sind seit dem Sturm deutlich seltener geworden.",
        ],
        ["Von Anna Schmidt", "Anzeige", "Lesen Sie auch: Neue Brücke für den Hafen", "Artikel teilen"],
    ),
    "fr": (
        [
            "Le ferry pour l'île reprend lundi ses horaires habituels, a annoncé la mairie.",
            "La tempête avait tant abîmé le quai en mars qu'il est resté fermé trois semaines.",
            "Par ailleurs, un nouveau tarif pour les habitants entre en vigueur le même jour.",
            "Les États-Unis et le Canada avaient signalé des dégâts semblables dans leurs ports.",
            "La publicité pour les logements du port a nettement reculé depuis la tempête.",
        ],
        ["Par Marie Dubois", "Publicité", "À lire aussi : Un nouveau pont pour le port", "Partager cet article"],
    ),
    "es": (
        [
            "El ferri a la isla vuelve el lunes a su horario habitual, informó el ayuntamiento.",
            "La tormenta dañó tanto el muelle en marzo que permaneció cerrado tres semanas.",
            "Por otra parte, desde ese mismo día rige una nueva tarifa para los vecinos.",
            "Estados Unidos y Canadá habían informado de daños parecidos en sus puertos.",
            "La publicidad de pisos junto al puerto ha caído mucho desde la tormenta.",
        ],
        ["Por Lucía García", "Publicidad", "Lee también: Un nuevo puente para el puerto", "Compartir"],
    ),
    "pt": (
        [
            "A balsa para a ilha volta na segunda-feira ao horário habitual, informou a prefeitura.",
            "A tempestade danificou tanto o cais em março que ele ficou fechado por três semanas.",
            "Por outro lado, a partir do mesmo dia vale uma nova tarifa para os moradores.",
            "Os Estados Unidos e o Canadá tinham relatado danos parecidos em seus portos.",
            "A publicidade de apartamentos perto do porto caiu bastante desde a tempestade.",
        ],
        ["Por João Silva", "Publicidade", "Leia também: Nova ponte para o porto", "Compartilhar"],
    ),
    "it": (
        [
            "Il traghetto per l'isola torna lunedì all'orario abituale, ha comunicato il comune.",
            "La tempesta aveva danneggiato il molo a marzo al punto che è rimasto chiuso tre settimane.",
            "Di lunedì in lunedì, i pendolari avevano chiesto una nuova tariffa, che ora entra in vigore.",
            "Gli Stati Uniti e il Canada avevano segnalato danni simili nei loro porti.",
            "La pubblicità degli appartamenti sul porto è molto calata dopo la tempesta.",
        ],
        ["Di Giulia Rossi", "Pubblicità", "Leggi anche: Un nuovo ponte per il porto", "Condividi"],
    ),
    "ja": (
        [
            "島へのフェリーは月曜日から通常の時刻表で運航を再開すると市が発表した。",
            "三月の嵐で桟橋が大きく壊れ、三週間にわたって閉鎖されていた。",
            "同じ日から通勤客向けの新しい運賃も導入される。",
            "広告主の多くは港の近くの店の営業再開を待っている。",
        ],
        ["広告", "関連記事", "シェア"],
    ),
}


def article(language: str):
    body, boilerplate = ARTICLES[language]
    lines = [boilerplate[0], body[0], boilerplate[1], *body[1:3], boilerplate[2], *body[3:], *boilerplate[3:]]
    return make_document("article.txt", "article", "\n".join(lines), {})


@pytest.fixture(scope="module")
def context():
    return make_context(Settings())


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_the_language_is_told_and_recorded(language):
    assert article(language).metadata["language"] == language


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_boilerplate_goes_and_every_body_line_stays(language, context):
    body, boilerplate = ARTICLES[language]
    outcome = clean_document(article(language), context)
    assert [line.text for line in outcome.document.lines] == body
    assert sorted(f.text for f in outcome.applied) == sorted(boilerplate)
    assert not any(f.code == "N001" for f in outcome.applied)  # "USA" stays in "Die USA und Kanada"


def test_english_entity_rewrites_stay_in_english(context):
    english = make_document("a.txt", "a", "The USA and Canada reported similar damage to their harbours.", {})
    assert [f.code for f in clean_document(english, context).applied] == ["N001"]


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("de", "Read more: Neue Brücke für den Hafen"),  # English phrases do not fire in German
        ("fr", "Lesen Sie auch: Neue Brücke"),  # nor German ones in French
        ("en", "Lesen Sie auch: Neue Brücke"),  # nor any other language's in English
    ],
)
def test_phrases_of_another_language_do_not_fire(language, line, context):
    assert flagged(promo_line, context, line, language=language) == []


def test_an_undetermined_document_gets_the_english_phrases(context):
    assert flagged(promo_line, context, "Read more: ferries", language="und") == ["Read more: ferries"]


def test_phrase_data_by_language():
    table = {"lines": ["a"], "networks": ["x"], "shared": ["networks"], "de": {"lines": ["b"]}}
    assert phrase_data(table, "en") == {"lines": ["a"], "networks": ["x"]}
    assert phrase_data(table, None) == phrase_data(table, "und") == phrase_data(table, "en")
    assert phrase_data(table, "de") == {"networks": ["x"], "lines": ["b"]}
    assert phrase_data(table, "fi") is None
    assert phrase_data({"languages": ["en", "fi"], "lines": ["a"]}, "fi") == {"lines": ["a"]}
    assert phrase_data({}, "fi") == {}


# lines of each language that start like its boilerplate and must stay, and its boilerplate
KEPT = {
    "de": [
        "Von Montag an gilt der neue Fahrplan, teilte die Stadt mit.",
        "Anzeigen gegen den Betreiber wurden bisher nicht erstattet.",
        "Lesen Sie auch die Erklärung des Bürgermeisters, sagte die Sprecherin.",
        "Teilen wollten die beiden Gemeinden den Anleger nicht.",
        "Newsletter und Aushänge informieren die Anwohner seit Jahren über die Fähre.",
        "Foto und Film sind im Museum am Hafen ausgestellt.",
    ],
    "fr": [
        "Par ailleurs, la mairie prévoit un nouveau tarif pour les habitants.",
        "La publicité des horaires a été faite dans tous les quartiers.",
        "Lire aussi le rapport complet, a déclaré le maire.",
        "Partager le quai avec les pêcheurs reste difficile, selon le port.",
        "Abonnez-vous à la patience : les travaux dureront trois mois, prévient la mairie.",
        "Photo et vidéo sont interdites sur le chantier du port.",
    ],
    "es": [
        "Por otra parte, el ayuntamiento anunció una nueva tarifa para los vecinos.",
        "Publicidad engañosa fue la queja de varios pasajeros durante la reunión.",
        "Lee también las bases del concurso, recomendó la concejala.",
        "Compartir el muelle con los pescadores no será fácil, dijo el puerto.",
        "Suscríbete o no, el servicio seguirá igual, aseguró la empresa.",
        "Foto tras foto, los vecinos documentaron los daños del temporal.",
    ],
    "pt": [
        "Por outro lado, a prefeitura anunciou uma nova tarifa para os moradores.",
        "Publicidade enganosa foi a queixa de vários passageiros na reunião.",
        "Leia também o edital do concurso, recomendou a vereadora.",
        "Compartilhar o cais com os pescadores não será fácil, disse o porto.",
        "Assine ou não, o serviço continuará igual, garantiu a empresa.",
        "Foto após foto, os moradores registraram os danos da tempestade.",
    ],
    "it": [
        "Di lunedì in lunedì, i pendolari chiedevano una tariffa più bassa.",
        "Pubblicità ingannevole è stata la protesta di alcuni passeggeri.",
        "Leggi anche il bando del concorso, ha raccomandato l'assessora.",
        "Condividi o no, il molo resta ai pescatori, ha detto il porto.",
        "Iscriviti o no, il servizio resterà uguale, ha assicurato la società.",
        "Foto dopo foto, gli abitanti hanno documentato i danni della tempesta.",
    ],
    "ja": [
        "広告の規制について市議会で議論が続いている。",
        "関連記事を読んだ市民から多くの意見が寄せられた。",
        "シェアサイクルの台数を増やす計画もある。",
    ],
}


@pytest.mark.parametrize(("language", "line"), [(language, line) for language, lines in KEPT.items() for line in lines])
def test_lines_that_start_like_boilerplate_stay(language, line, context):
    document = make_document("a.txt", "a", line, {"language": language})
    document = document.with_metadata(language=language)  # one line may not tell its language
    assert clean_document(document, context).applied == ()


# more boilerplate of each language, with the rule that removes it
FLAGGED = {
    "de": [("B008", "Jetzt Newsletter abonnieren"), ("B010", "Foto: dpa"), ("B005", "Mehr zum Thema: Der neue Hafen")],
    "fr": [("B008", "Inscrivez-vous à la newsletter"), ("B010", "Photo : AFP"), ("B005", "Sur le même sujet")],
    "es": [("B008", "Suscríbete al boletín"), ("B010", "Foto: EFE"), ("B005", "Noticias relacionadas")],
    "pt": [
        ("B008", "Assine a newsletter"),
        ("B010", "Foto: Reuters"),
        ("B005", "Leia mais: O novo porto"),
        ("B014", "Tags: porto, balsa, tempestade"),  # sites write "Tags" in many languages
    ],
    "it": [("B008", "Iscriviti alla newsletter"), ("B010", "Foto: Ansa"), ("B005", "Articoli correlati")],
    "ja": [("B005", "あわせて読みたい"), ("B007", "スポンサーリンク"), ("B006", "ツイート")],
}


@pytest.mark.parametrize(
    ("language", "code", "line"), [(language, *case) for language, cases in FLAGGED.items() for case in cases]
)
def test_boilerplate_of_each_language_goes(language, code, line, context):
    body = ARTICLES[language][0][0]
    document = make_document("a.txt", "a", f"{body}\n{line}", {}).with_metadata(language=language)
    assert [(f.code, f.text) for f in clean_document(document, context).applied] == [(code, line)]
