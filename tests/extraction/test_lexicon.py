import datetime as dt
import re

import pytest

from app.errors import GazetteerError
from app.extraction.actors import ActorMatcher, default_actor_file, read_actors
from app.extraction.event_types import BY_NAME, TriggerFinder
from app.extraction.lexicon import (
    lexicon_dir,
    load_lexicon,
    read_demonyms,
    read_states,
    read_triggers,
)
from app.extraction.pattern_literals import (
    literal_prefixes,
    required_literal,
    split_alternatives,
)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(BY_NAME)


def test_every_type_has_triggers_and_every_row_a_note_column(lexicon):
    assert set(lexicon.triggers) == set(BY_NAME)
    header = (lexicon_dir() / "triggers.csv").read_text().splitlines()[0]
    assert header == "event_type,pattern,note"


def test_extra_trigger_file_adds_a_word(tmp_path, lexicon):
    extra = tmp_path / "triggers.csv"
    extra.write_text("event_type,pattern,note\nkidnapping,spirited away,analyst addition\n")
    finder = TriggerFinder(read_triggers([lexicon_dir() / "triggers.csv", extra], BY_NAME))
    found = finder.find("Two engineers were spirited away near Baiji.", 0)
    assert [(t.spec.name, t.text) for t in found] == [("kidnapping", "spirited away")]
    assert TriggerFinder(lexicon.triggers).find("Two engineers were spirited away.", 0) == []


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("parade,marched,x", "unknown event type"),
        ("protest,(unclosed,x", "bad pattern"),
        ("protest,,x", "empty pattern"),
    ],
)
def test_bad_trigger_rows_are_named(tmp_path, row, message):
    path = tmp_path / "bad.csv"
    path.write_text(f"event_type,pattern,note\n{row}\n")
    with pytest.raises(GazetteerError) as error:
        read_triggers([path], BY_NAME)
    assert message in error.value.log_message and "bad.csv:2" in error.value.log_message


def test_missing_columns_are_refused(tmp_path):
    path = tmp_path / "demonyms.csv"
    path.write_text("word,country\nTurkish,TR\n")
    with pytest.raises(GazetteerError) as error:
        read_demonyms([path])
    assert "missing columns forces" in error.value.log_message


def test_alternatives_split_at_top_level_only():
    assert split_alternatives(r"retook|recaptur(?:ed|e)|a\|b") == [
        "retook",
        "recaptur(?:ed|e)",
        r"a\|b",
    ]


@pytest.mark.parametrize(
    ("alternative", "literal", "matching"),
    [
        (r"(?:one|\d+) (?:air ?)?strikes? (?:hit|struck)", "strike", "12 strikes hit"),
        (r"(?<!to )houses?", "house", "houses"),
        (r"x{0,2}Yes", "yes", "yes"),
        (r"fire[sd]? on", "fire", "fired on"),
        (r"[^]x]y+ and more", " and more", "zyy and more"),  # "]" first in a class is a member
        (r"ab+cd", None, "abbcd"),  # "ab" and "cd" are too short, "abcd" is not in the match
        (r"[\w-]+ (?:a|b)", None, "x a"),
        (r"abc|def", None, "def"),  # two sequences: neither is in every match
    ],
)
def test_a_row_without_a_literal_start_is_prefiltered_by_a_word_it_needs(
    alternative, literal, matching
):
    assert required_literal(alternative) == literal
    assert re.fullmatch(alternative, matching, re.I)
    assert literal is None or literal in matching.lower()


def test_a_word_boundary_opening_an_alternative_is_passed_over_for_its_first_words():
    # Every match of "\\bheld ... hostage" begins with "held": tried only where it begins.
    assert literal_prefixes(r"\bheld (?:them )?hostage\b") == {"held "}
    assert literal_prefixes(r"(?<!who )\b(?:seized|took) hostages?") == {
        "seized hostage",
        "took hostage",
    }


def test_a_case_sensitive_group_gives_its_words_in_lower_case():
    # "IS fighting" is the group, "is fighting" the verb: both begin where "is fighting" does
    # in the lower-cased text, and the pattern tells them apart there.
    alternative = r"(?:were|(?-i:is)) fighting"
    assert literal_prefixes(alternative) == {"were fighting", "is fighting"}
    assert re.match(alternative, "Is fighting", re.I) is None
    assert re.match(alternative, "is fighting", re.I)


def test_a_row_opened_by_a_plain_look_behind_is_prefiltered_by_its_words():
    # Every match stands right after "after ": a sentence without the words is not searched.
    alternative = r"(?<=after )(?:an? |the )?(?:[\w-]+ ){0,2}?(?:siege|assault)\b"
    assert required_literal(alternative) == "after "
    assert re.search(alternative, "Troops left After the long siege", re.I)
    # A look-behind holding more than plain words tells none.
    assert required_literal(r"(?<=\bafter )(?:siege|assault)") is None


def test_a_row_counted_in_figures_still_fires(lexicon):
    finder = TriggerFinder(lexicon.triggers)
    found = finder.find("Two strikes destroyed a weapons depot near Hit.", 0)
    assert [t.spec.name for t in found] == ["airstrike"]


def test_a_row_with_alternatives_is_prefiltered_by_each(lexicon):
    finder = TriggerFinder(lexicon.triggers)
    assert [t.spec.name for t in finder.find("The army retook the town.", 0)] == ["armed_clash"]


def matcher(lexicon):
    return ActorMatcher(read_actors([default_actor_file()]), lexicon.demonyms, lexicon.cues)


def test_nationality_adjective_before_a_weapon_names_the_forces(lexicon):
    found = {
        m.text: m.actors[0].name
        for m in matcher(lexicon).find(
            "A Turkish drone strike hit a car; Israeli F-35 jets and Iranian missiles followed, "
            "an American armed drone and a Russian air strike.",
            dt.date(2024, 3, 1),
        )
    }
    assert found["Turkish drone"] == "Turkish Armed Forces"  # a dictionary alias
    assert found["Israeli F-35 jets"] == "Israel Defense Forces"
    assert found["Iranian missiles"] == "IRGC"
    assert found["American armed drone"] == "United States Armed Forces"
    assert found["Russian air strike"] == "Russian Armed Forces"


def test_names_and_compounds_are_not_owner_phrases(lexicon):
    found = {
        m.text: m.actors[0].name
        for m in matcher(lexicon).find(
            "The Syrian Democratic Forces and Turkish-backed factions clashed; a Turkish-made "
            "drone was found.",
            dt.date(2024, 3, 1),
        )
    }
    assert found == {"Syrian Democratic Forces": "SDF", "Turkish-backed factions": "SNA"}


def test_owner_readings_follow_the_report_date(lexicon):
    m = matcher(lexicon)
    text = "Syrian artillery shelled the village."
    before = m.find(text, dt.date(2024, 6, 1))[0]
    after = m.find(text, dt.date(2025, 3, 1))[0]
    assert before.actors[0].name == "Syrian government forces"
    assert after.actors[0].name == "Syrian transitional government forces"


def test_generic_forces_are_the_state_of_the_event(lexicon):
    m = matcher(lexicon)
    mention = next(x for x in m.find("Security forces arrested him.") if m.is_generic(x))
    assert m.read(mention, ["IQ"], dt.date(2024, 1, 1)).name == "Iraqi Security Forces"
    assert m.read(mention, ["SY"], dt.date(2023, 1, 1)).name == "Syrian government forces"
    assert (
        m.read(mention, ["SY"], dt.date(2025, 5, 1)).name == "Syrian transitional government forces"
    )


def test_generic_insurgents_are_the_group_the_report_names(lexicon):
    m = matcher(lexicon)
    text = "Islamic State claimed the raid. The militants then withdrew."
    names = [x.actors[0].name for x in m.find(text)]
    assert names == ["ISIS", "ISIS"]
    assert [x.text for x in m.find("The militants then withdrew.")] == []


def test_states_name_their_capitals_and_governments(lexicon):
    by_code = {s.country: s for s in lexicon.states}
    assert (by_code["IQ"].name, by_code["IQ"].capital) == ("Iraq", "Baghdad")
    assert (by_code["TR"].capital, by_code["TR"].government) == ("Ankara", "Turkish government")
    actors = {a.name for a in read_actors([default_actor_file()])}
    assert {s.government for s in lexicon.states} <= actors


def test_a_state_without_a_capital_is_refused_with_its_line(tmp_path):
    path = tmp_path / "states.csv"
    path.write_text("country,name,capital,government,note\nJO,Jordan,,,\n")
    with pytest.raises(GazetteerError, match="states.csv:2"):
        read_states([path])


def test_demonym_naming_an_unknown_actor_is_refused(tmp_path, lexicon):
    path = tmp_path / "demonyms.csv"
    path.write_text("word,country,forces,valid_from,valid_to,note\nMartian,MA,Martian Army,,,\n")
    with pytest.raises(GazetteerError):
        ActorMatcher(read_actors([default_actor_file()]), read_demonyms([path]))


def test_settings_name_the_extra_lexicon_files(tmp_path, gazetteer):
    from app.extraction.pipeline import Extractor
    from app.extraction.report_input import ReportInput
    from app.settings import ExtractionSettings
    from tests.conftest import make_settings

    triggers = tmp_path / "triggers.csv"
    triggers.write_text("event_type,pattern,note\nkidnapping,spirited away,analyst addition\n")
    demonyms = tmp_path / "demonyms.csv"
    demonyms.write_text(
        "word,country,forces,valid_from,valid_to,note\nOttoman,TR,Turkish Armed Forces,,,\n"
    )
    cues = tmp_path / "cues.csv"
    cues.write_text("cue,pattern,note\nforce_noun,cannons?,\n")
    settings = make_settings(tmp_path)
    extraction = ExtractionSettings(
        _env_file=None, extra_triggers=triggers, extra_demonyms=demonyms, extra_cues=cues
    )
    settings = settings.model_copy(update={"extraction": extraction})
    extractor = Extractor.configured(gazetteer, settings)
    text = "Ottoman cannons hit a village near Zakho; two farmers were spirited away near Duhok."
    found = extractor.extract(ReportInput(text, dt.date(2024, 3, 1))).events
    kinds = {f.properties.event_type for f in found}
    assert "kidnapping" in kinds
    assert any(a.name == "Turkish Armed Forces" for f in found for a in f.properties.actors)


def test_successors_take_over_from_their_date(lexicon):
    m = ActorMatcher(
        read_actors([default_actor_file()]), lexicon.demonyms, lexicon.cues, lexicon.successors
    )
    mention = m.find("The Damascus government said.")[0]
    assert m.read(mention, ["SY"], dt.date(2023, 1, 1)).name == "Syrian government"
    assert m.read(mention, ["SY"], dt.date(2025, 1, 1)).name == "Syrian transitional government"


def test_a_trigger_row_with_an_unquoted_comma_is_refused(tmp_path):
    path = tmp_path / "triggers.csv"
    path.write_text("event_type,pattern,note\narmed_clash,fought (?:\\w+ ){0,3}back,\n")
    with pytest.raises(GazetteerError):
        read_triggers([path], BY_NAME)


def test_a_type_fires_on_its_leftmost_row(extractor):
    finder = TriggerFinder({"armed_clash": ("fought", "clash(?:ed|es)?")})
    found = finder.find("Gunmen clashed with police and fought for hours.", 0)
    assert [t.text for t in found] == ["clashed"]


def test_lowercase_and_capitalised_owner_words_are_both_read():
    demonyms = read_demonyms([lexicon_dir() / "demonyms.csv"])
    words = {d.word for d in demonyms}
    assert {"regime", "Regime", "coalition", "Coalition"} <= words


def test_a_user_folder_extends_every_lexicon_file_it_names(tmp_path, gazetteer):
    from app.extraction.pipeline import Extractor
    from app.extraction.report_input import ReportInput
    from app.settings import ExtractionSettings
    from tests.conftest import make_settings

    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / "epithets.csv").write_text("phrase,place,note\nIraq's oil capital,Kirkuk,analyst\n")
    (folder / "states.csv").write_text("country,name,capital,government,note\nJO,Jordan,Amman,,\n")
    (folder / "leaders.csv").write_text("name,country,note\nMahmoudi,JO,invented for a test\n")
    lexicon = load_lexicon(BY_NAME, extra_folder=folder)
    assert ("Iraq's oil capital", "Kirkuk") in lexicon.epithets
    assert any(p.name == "Mahmoudi" and p.value == "JO" for p in lexicon.leaders)
    assert ("Iraq's oil capital", "Kirkuk") not in load_lexicon(BY_NAME).epithets

    extraction = ExtractionSettings(_env_file=None, extra_lexicon_dir=folder)
    settings = make_settings(tmp_path).model_copy(update={"extraction": extraction})
    text = "A car bomb exploded in a market of Iraq's oil capital on Monday, killing three."
    report = ReportInput(text, dt.date(2024, 3, 6))
    for extractor, admin1 in (
        (Extractor.configured(gazetteer, settings), "IQ-KI"),
        (Extractor.configured(gazetteer, make_settings(tmp_path)), None),
    ):
        found = extractor.extract(report).events
        assert [f.properties.location.admin1 for f in found if f.properties.location] == [admin1]


def test_a_user_folder_row_is_checked_like_a_shipped_one(tmp_path):
    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / "leaders.csv").write_text("name,country,note\nMahmoudi,ZZ,no such state\n")
    with pytest.raises(GazetteerError, match="leaders.csv:2"):
        load_lexicon(BY_NAME, extra_folder=folder)


@pytest.mark.parametrize("name", ["leader.csv", "triggers.txt"])
def test_a_file_the_lexicon_does_not_have_is_refused_by_name(tmp_path, name):
    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / name).write_text("name,country,note\n")
    with pytest.raises(GazetteerError, match=re.escape(name)):
        load_lexicon(BY_NAME, extra_folder=folder)


def test_a_missing_user_folder_is_refused(tmp_path):
    with pytest.raises(GazetteerError, match="does not exist"):
        load_lexicon(BY_NAME, extra_folder=tmp_path / "nowhere")


@pytest.mark.parametrize(
    ("column", "text", "message"),
    [
        ("word", "# Words.\n# Source: a test.\nword,note\nsappers,\n,empty\n", ":5: empty word"),
        ("pattern", "# Offices.\npattern,note\nenvoys?,\nconsul(?:s,open\n", ":4: bad pattern"),
        ("pattern", "# Offices.\npattern,note\nenvoys?,\n,empty\n", ":4: empty pattern"),
    ],
)
def test_a_bad_row_of_a_list_is_refused_with_its_true_line(tmp_path, column, text, message):
    """Lines of the file's comment count: the line named is the row's in the file."""
    from app.extraction.lexicon_files import read_words

    path = tmp_path / "list.csv"
    path.write_text(text)
    with pytest.raises(GazetteerError, match=f"list.csv{message}"):
        read_words([path], column)


def test_a_word_list_is_read_after_its_comment(tmp_path):
    from app.extraction.lexicon_files import read_words

    path = tmp_path / "words.csv"
    path.write_text("# Words of a list.\nword,note\nsappers,\nmilitiamen,\n")
    assert read_words([path], "word") == ("sappers", "militiamen")


def test_a_word_list_without_its_column_is_refused(tmp_path):
    from app.extraction.lexicon_files import read_words

    path = tmp_path / "words.csv"
    path.write_text("# Words of a list.\nname,note\nsappers,\n")
    with pytest.raises(GazetteerError, match="words.csv: missing columns word"):
        read_words([path], "word")


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("policed_state_forces.csv", "actor"),
        ("insurgents_taking_ground.csv", "actor"),
        ("backed_sides.csv", "backer"),
        ("policing_words.csv", "word"),
        ("faith_peoples.csv", "word"),
        ("state_offices.csv", "pattern"),
        ("office_qualifiers.csv", "pattern"),
        ("envoys.csv", "pattern"),
        ("armed_objects.csv", "pattern"),
        ("still_going.csv", "pattern"),
        ("non_state_shooters.csv", "pattern"),
        ("crowd_targets.csv", "pattern"),
        ("natural_disasters.csv", "pattern"),
        ("armed_hands.csv", "pattern"),
        ("purpose_verbs.csv", "pattern"),
        ("run_of_events.csv", "pattern"),
        ("civilian_loads.csv", "pattern"),
        ("referring_nouns.csv", "pattern"),
        ("referring_modifiers.csv", "pattern"),
    ],
)
def test_the_shipped_word_lists_say_what_they_are_and_their_source(name, column):
    """Each list opens with a comment naming its source, and every row of it reads."""
    from app.extraction.lexicon_files import read_words

    text = (lexicon_dir() / name).read_text()
    assert text.startswith("# ") and "Source: our own curation" in text
    assert read_words([lexicon_dir() / name], column)


def test_the_shipped_lists_of_actors_name_known_actors():
    from app.extraction.lexicon import shipped_words
    from app.extraction.lexicon_tables import read_backed_sides

    actors = {a.name for a in read_actors([default_actor_file()])}
    assert shipped_words("policed_state_forces.csv", "actor") <= actors
    assert shipped_words("insurgents_taking_ground.csv", "actor") <= actors
    for (backer, _), (backed, generic) in read_backed_sides(
        [lexicon_dir() / "backed_sides.csv"]
    ).items():
        assert {backer, backed, *generic} <= actors


def test_the_shipped_offices_are_one_alternation_in_file_order():
    from app.extraction.lexicon import shipped_alternation

    offices = re.compile(shipped_alternation("state_offices.csv") + "$")
    assert shipped_alternation("envoys.csv").startswith("(?:ambassador|envoy|")
    assert offices.match("foreign ministry") and offices.match("defence ministers")
    assert not offices.match("ministry")
