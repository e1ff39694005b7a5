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
