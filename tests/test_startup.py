import datetime as dt
import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from app import startup
from app.errors import GazetteerError
from app.extraction.pipeline import Extractor
from app.extraction.report_input import ReportInput
from app.gazetteer.geocoder import Gazetteer
from app.settings import ApiSettings, ExtractionSettings, GazetteerSettings, Settings
from app.startup import gc_paused, load_extractor, load_gazetteer
from tests.conftest import LiveServer, make_settings


def test_the_collector_is_off_inside_and_back_on_after():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested: the inner block leaves it off
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_comes_back_when_the_build_fails():
    @gc_paused()
    def build():
        assert not gc.isenabled()
        raise ValueError("bad row")

    with pytest.raises(ValueError):
        build()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


# The build cache of start-up -------------------------------------------------------------

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


@pytest.fixture
def gazetteer_copy(tmp_path):
    """A copy of the shipped gazetteer's name files (the cache is keyed by their contents)."""
    directory = tmp_path / "gazetteer"
    directory.mkdir()
    for name in ("places.csv", "manifest.json", "regions.geojson", "countries.geojson"):
        shutil.copy(SHIPPED / name, directory / name)
    return directory


def settings_for(tmp_path, directory, **options):
    return Settings(
        gazetteer=GazetteerSettings(
            gazetteer_dir=directory,
            gazetteer_user_dir=tmp_path / "user",
            cache_dir=tmp_path / "cache",
            _env_file=None,
            **options,
        ),
        extraction=ExtractionSettings(_env_file=None),
        api=ApiSettings(_env_file=None),
    )


@pytest.fixture
def builds(monkeypatch):
    """How many times start-up built the gazetteer rather than read it from the cache."""
    calls = []
    real = startup._build

    def counting(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(startup, "_build", counting)
    return calls


REPORT = ReportInput(
    "Clashes broke out in Kirkuk on Tuesday between police and gunmen; a roadside bomb hit "
    "a patrol north of Hit and rockets landed near the K-1 air base.",
    dt.date(2024, 8, 8),
)


def test_the_second_start_reads_what_the_first_built(tmp_path, gazetteer_copy, builds):
    settings = settings_for(tmp_path, gazetteer_copy)
    first = load_extractor(settings)
    assert len(builds) == 1
    assert len(list((tmp_path / "cache").glob("gazetteer-*.pickle"))) == 1
    second = load_extractor(settings)
    assert len(builds) == 1  # read back, not built
    assert second.gazetteer.places == first.gazetteer.places
    assert second.toponyms.gazetteer is second.gazetteer  # one gazetteer, not two copies
    fresh = Extractor.configured(Gazetteer.load(gazetteer_copy, tmp_path / "user"), settings)
    same = [e.extract(REPORT).events for e in (first, second, fresh)]
    assert same[0] and same[0] == same[1] == same[2]
    assert second.geoparse(REPORT.text) == fresh.geoparse(REPORT.text)


def test_changed_places_or_user_places_make_the_cache_stale(tmp_path, gazetteer_copy, builds):
    settings = settings_for(tmp_path, gazetteer_copy)
    load_gazetteer(settings)
    with (gazetteer_copy / "places.csv").open("a", encoding="utf-8") as fh:
        fh.write("zz-1,Qaryat Zuzu,populated,35.1,44.1,IQ,IQ-KI,,600,,,,test,\n")
    assert load_gazetteer(settings).get("zz-1").name == "Qaryat Zuzu"
    assert len(builds) == 2
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.csv").write_text(
        "id,name,kind,lat,lon,country\nmy-1,Tell Zaza,populated,36.0,42.0,IQ\n", encoding="utf-8"
    )
    assert load_gazetteer(settings).get("my-1").name == "Tell Zaza"
    assert len(builds) == 3
    load_gazetteer(settings)
    assert len(builds) == 3


def test_a_corrupt_cache_file_is_rebuilt(tmp_path, gazetteer_copy, builds):
    settings = settings_for(tmp_path, gazetteer_copy)
    expected = load_gazetteer(settings).places
    (cache,) = (tmp_path / "cache").glob("gazetteer-*.pickle")
    raw = bytearray(cache.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    cache.write_bytes(bytes(raw))
    assert load_gazetteer(settings).places == expected
    assert len(builds) == 2
    load_gazetteer(settings)
    assert len(builds) == 2  # the rebuilt file is good


def test_the_cache_can_be_switched_off(tmp_path, gazetteer_copy, builds):
    settings = settings_for(tmp_path, gazetteer_copy, startup_cache=False)
    load_gazetteer(settings)
    load_gazetteer(settings)
    assert len(builds) == 2
    assert not (tmp_path / "cache").exists()


def test_the_cache_can_be_built_ahead(tmp_path, gazetteer_copy, monkeypatch, capsys):
    monkeypatch.setenv("GEOEVENTS_GAZETTEER_DIR", str(gazetteer_copy))
    monkeypatch.setenv("GEOEVENTS_GAZETTEER_USER_DIR", str(tmp_path / "user"))
    monkeypatch.setenv("GEOEVENTS_CACHE_DIR", str(tmp_path / "ahead"))
    startup.main()
    assert "places in" in capsys.readouterr().out
    (cache,) = (tmp_path / "ahead").glob("gazetteer-*.pickle")
    assert cache.stat().st_mode & 0o044 == 0o044  # another user (the image's) may read it


def test_start_up_is_frozen_only_in_a_short_lived_process(monkeypatch):
    frozen = gc.get_freeze_count()
    startup.freeze_startup()  # a test session is no short-lived process
    assert gc.get_freeze_count() == frozen
    monkeypatch.setattr(startup, "_short_lived", False)
    startup.short_lived_process()
    assert startup._short_lived
    try:
        startup.freeze_startup()
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()


def test_changed_transliteration_rules_make_the_cache_stale(
    tmp_path, gazetteer_copy, builds, monkeypatch
):
    from app.gazetteer import translit

    rules = tmp_path / "transliteration.csv"
    shutil.copy(translit.rules_path(), rules)
    monkeypatch.setattr(translit, "rules_path", lambda: rules)
    settings = settings_for(tmp_path, gazetteer_copy)
    load_gazetteer(settings)
    load_gazetteer(settings)
    assert len(builds) == 1
    with rules.open("a", encoding="utf-8") as fh:
        fh.write("\n")
    load_gazetteer(settings)
    assert len(builds) == 2


# The lexicon, cached beside the gazetteer ---------------------------------------------------


@pytest.fixture
def lexicon_reads(monkeypatch):
    """How many times start-up read (and checked) the lexicon files rather than the cache."""
    from app.extraction import lexicon

    calls = []
    real = lexicon.load_lexicon

    def counting(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(lexicon, "load_lexicon", counting)
    return calls


def test_the_lexicon_is_read_back_until_a_file_of_it_changes(
    tmp_path, gazetteer_copy, lexicon_reads
):
    from app.settings import ExtractionSettings

    settings = settings_for(tmp_path, gazetteer_copy)
    first = startup.load_lexicon(settings)
    assert startup.load_lexicon(settings) == first
    assert len(lexicon_reads) == 1
    assert len(list((tmp_path / "cache").glob("lexicon-*.pickle"))) == 1
    extra = tmp_path / "triggers.csv"
    extra.write_text("event_type,pattern,note\nkidnapping,spirited away,analyst addition\n")
    extraction = ExtractionSettings(_env_file=None, extra_triggers=extra)
    with_extra = settings.model_copy(update={"extraction": extraction})
    assert "spirited away" in startup.load_lexicon(with_extra).triggers["kidnapping"]
    assert len(lexicon_reads) == 2
    startup.load_lexicon(with_extra)
    assert len(lexicon_reads) == 2
    extra.write_text("event_type,pattern,note\nkidnapping,whisked away,analyst addition\n")
    changed = startup.load_lexicon(with_extra).triggers["kidnapping"]
    assert "whisked away" in changed and "spirited away" not in changed
    assert len(lexicon_reads) == 3
    # The same file as demonyms instead of triggers is another lexicon, not a cache hit.
    extraction = ExtractionSettings(_env_file=None, extra_cues=extra)
    with pytest.raises(GazetteerError):
        startup.load_lexicon(settings.model_copy(update={"extraction": extraction}))


def test_a_bad_extra_pattern_is_refused_at_start_up_though_the_cache_is_warm(
    tmp_path, gazetteer_copy
):
    from app.settings import ExtractionSettings

    settings = settings_for(tmp_path, gazetteer_copy)
    startup.load_lexicon(settings)
    extra = tmp_path / "triggers.csv"
    extra.write_text("event_type,pattern,note\nprotest,(unclosed,x\n")
    extraction = ExtractionSettings(_env_file=None, extra_triggers=extra)
    with pytest.raises(GazetteerError, match="bad pattern"):
        load_extractor(settings.model_copy(update={"extraction": extraction}))


def test_the_lexicon_cache_can_be_switched_off(tmp_path, gazetteer_copy, lexicon_reads):
    settings = settings_for(tmp_path, gazetteer_copy, startup_cache=False)
    startup.load_lexicon(settings)
    startup.load_lexicon(settings)
    assert len(lexicon_reads) == 2


# The sentence classifiers and the compiled patterns, cached beside them ---------------------


def test_the_sentence_models_are_read_back_from_the_cache(tmp_path, gazetteer_copy, monkeypatch):
    from app.extraction import sentence_model

    reads = []
    real = sentence_model.read_model
    monkeypatch.setattr(sentence_model, "read_model", lambda p: reads.append(p) or real(p))
    monkeypatch.setattr(sentence_model, "_shipped", {})
    settings = settings_for(tmp_path, gazetteer_copy)
    startup.load_sentence_models(settings)
    assert len(reads) == 2  # built from both files
    (cache,) = (tmp_path / "cache").glob("sentence-models-*.pickle")
    monkeypatch.setattr(sentence_model, "_shipped", {})
    startup.load_sentence_models(settings)
    assert len(reads) == 2  # read back
    for name in sentence_model.MODELS:
        cached = sentence_model.shipped_model(name)
        parsed = real(sentence_model.model_dir() / f"{name}.json")
        assert (cached.labels, cached.bias) == (parsed.labels, parsed.bias)
        assert dict(cached.weights.items()) == dict(parsed.weights.items())
        features = set(list(parsed.weights)[::500])
        assert features and cached.logits(features) == parsed.logits(features)
    assert len(reads) == 2  # shipped_model read no file
    with pytest.raises(GazetteerError):
        sentence_model.shipped_model("unknown")


def test_no_sentence_model_is_loaded_for_the_rules_alone(tmp_path, gazetteer_copy, monkeypatch):
    from app.extraction import sentence_model

    monkeypatch.setattr(sentence_model, "_shipped", {})
    settings = settings_for(tmp_path, gazetteer_copy)
    extraction = ExtractionSettings(_env_file=None, learned=False)
    extractor = load_extractor(settings.model_copy(update={"extraction": extraction}))
    assert extractor.learned is None
    assert not list((tmp_path / "cache").glob("sentence-models-*.pickle"))
    assert sentence_model._shipped == {}
    # Without a cache they are read on first use, as before.
    startup.load_sentence_models(settings_for(tmp_path, gazetteer_copy, startup_cache=False))
    assert sentence_model._shipped == {}


@pytest.mark.slow  # two more interpreters; the first builds the gazetteer (~5-8 s)
def test_the_cache_built_by_python_m_app_startup_is_read_back(tmp_path, gazetteer_copy):
    """``python -m app.startup`` (make install, the image) must not pickle
    ``__main__.GazetteerBuild``, which no other program can unpickle."""
    env = {
        **os.environ,
        "GEOEVENTS_GAZETTEER_DIR": str(gazetteer_copy),
        "GEOEVENTS_GAZETTEER_USER_DIR": str(tmp_path / "user"),
        "GEOEVENTS_CACHE_DIR": str(tmp_path / "cache"),
    }
    subprocess.run([sys.executable, "-m", "app.startup"], env=env, check=True)
    # The classes pickled are app.startup's, not those of the __main__ module that built them.
    check = (
        "import logging, sys\n"
        "logging.basicConfig(level=logging.INFO, stream=sys.stdout)\n"
        "from app import startup\n"
        "from app.settings import Settings\n"
        "built = []\n"
        "startup._build = lambda *a: built.append(a)\n"
        "import re._compiler\n"
        "compiled, real = [], re._compiler.compile\n"
        "re._compiler.compile = lambda *a: compiled.append(a) or real(*a)\n"
        "startup.load_extractor(Settings.from_env())\n"
        "print('built', len(built))\n"
        "print('compiled', len(compiled))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], env=env, check=True, capture_output=True, text=True
    )
    assert "built 0" in done.stdout and "rebuilding" not in done.stdout
    # The pipeline's ~350 patterns come from the cache, not re's compiler (app.pattern_cache).
    compiled = int(done.stdout.split("compiled ")[1].split()[0])
    assert compiled < 10, done.stdout
    assert len(list((tmp_path / "cache").glob("patterns-*.pickle"))) == 1


def test_a_served_app_freezes_its_start_up_and_thaws_it_at_shutdown(tmp_path):
    gc.unfreeze()  # whatever an earlier test left frozen
    assert gc.get_freeze_count() == 0
    with LiveServer(make_settings(tmp_path)) as server:
        assert httpx.get(f"{server.url}/healthz", timeout=30).status_code == 200
        # The extractor the worker built is out of the collector's sight while it serves.
        assert gc.get_freeze_count() > 100_000
        extractor = server.server.config.app.state.extractor
        assert gc.is_tracked(extractor)
        assert all(tracked is not extractor for tracked in gc.get_objects())
    assert gc.get_freeze_count() == 0


def test_a_file_added_to_the_user_lexicon_folder_is_read_though_the_cache_is_warm(
    tmp_path, gazetteer_copy, lexicon_reads
):
    from app.settings import ExtractionSettings

    folder = tmp_path / "lexicon"
    folder.mkdir()
    extraction = ExtractionSettings(_env_file=None, extra_lexicon_dir=folder)
    settings = settings_for(tmp_path, gazetteer_copy).model_copy(update={"extraction": extraction})
    assert ("Iraq's oil capital", "Kirkuk") not in startup.load_lexicon(settings).epithets
    startup.load_lexicon(settings)
    assert len(lexicon_reads) == 1
    (folder / "epithets.csv").write_text("phrase,place,note\nIraq's oil capital,Kirkuk,x\n")
    assert ("Iraq's oil capital", "Kirkuk") in startup.load_lexicon(settings).epithets
    assert len(lexicon_reads) == 2
