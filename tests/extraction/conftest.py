import pytest

from app.extraction.pipeline import Extractor


@pytest.fixture(scope="session")
def extractor(gazetteer):
    """One extraction pipeline for the session."""
    return Extractor(gazetteer)
