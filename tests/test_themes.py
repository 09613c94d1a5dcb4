"""Themes: the essay against its theme gold, the scikit-learn estimator, arguments."""

from __future__ import annotations

import pytest
from sklearn.base import clone
from sklearn.decomposition import TruncatedSVD
from sklearn.pipeline import Pipeline

import policytext as pt
from policytext.themes import KEEP_SINGLE, BackgroundIDF, stop_words

pytestmark = pytest.mark.usefixtures("model_dir")


@pytest.fixture(scope="module")
def doc(essay):
    return pt.analyze(essay)


def test_document_themes_contain_most_gold_words(doc, gold):
    terms = [t for t, _ in doc.themes(10)]
    hits = [t for t in gold["themes"]["document"] if t in terms]
    assert len(hits) >= 6, (terms, hits)
    scores = [s for _, s in doc.themes(10)]
    assert scores == sorted(scores, reverse=True) and 0 < scores[-1] <= scores[0] <= 1


def test_each_section_has_its_own_words(doc, gold):
    sections = doc.themes(10, by="section")
    assert [span.start for span, _ in sections] == [
        item.span.start for item in doc.enumerations[0].items
    ]
    for (span, terms), own in zip(sections, gold["themes"]["sections"], strict=True):
        words = [t for t, _ in terms]
        assert sum(w in own for w in words) >= 4, (span.text[:6], words)


def test_terms_are_real_words(doc):
    stop = stop_words()
    for term, _ in doc.themes(30):
        norm = pt.simplified_view(term)
        assert norm not in stop
        assert len(norm) > 1 or norm in KEEP_SINGLE
        assert not any(c.isdigit() for c in norm)


def test_both_scripts_give_the_same_themes(essay, doc):
    simplified = pt.analyze(pt.to_simplified(essay))
    assert [pt.simplified_view(t) for t, _ in doc.themes(10)] == [
        t for t, _ in simplified.themes(10)
    ]
    assert next(t for t, _ in doc.themes(10)) == "工會"  # reported in the input's script


def test_paragraphs_are_sections_without_an_enumeration():
    doc = pt.analyze("工会要维护职工权益。\n政府要保障就业民生。")
    sections = doc.themes(5, by="section")
    assert [span.text for span, _ in sections] == ["工会要维护职工权益。", "政府要保障就业民生。"]


def test_bad_arguments(doc):
    with pytest.raises(ValueError):
        doc.themes(0)
    with pytest.raises(ValueError):
        doc.themes(10, by="chapter")
    with pytest.raises(TypeError):
        doc.themes("10")


def test_a_user_background(doc):
    background = BackgroundIDF.from_documents([["工会", "职工"], ["工会"], ["政府"]], "mine")
    assert background.idf("工会") < background.idf("政府") < background.idf("维权")
    assert doc.themes(5, background=background)[0][0] != ""


def test_theme_vectorizer_in_a_pipeline(essay):
    texts = [essay, "政府工作报告提出稳就业保民生。", "工会维护职工合法权益，帮扶困难职工。"]
    vectorizer = pt.ThemeVectorizer(min_df=1)
    X = vectorizer.fit_transform(texts)
    names = vectorizer.get_feature_names_out()
    assert "工会" in names and "的" not in names and "进一步" not in names
    top = vectorizer.top_terms(X, 3)
    assert len(top) == 3 and all(len(row) == 3 for row in top)
    assert pt.top_terms(X, 2, names)[2][0][0] in {
        "职工",
        "工会",
        "困难",
        "帮扶",
        "维护",
        "权益",
        "合法",
    }
    pipeline = Pipeline([("themes", pt.ThemeVectorizer()), ("svd", TruncatedSVD(n_components=2))])
    assert pipeline.fit_transform(texts).shape == (3, 2)
    copy = clone(vectorizer)
    assert copy.get_params() == vectorizer.get_params()
    with pytest.raises(ValueError):
        vectorizer.top_terms(X, 0)
