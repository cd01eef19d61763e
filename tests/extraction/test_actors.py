from app.extraction.actors import Actor, ActorMatcher, default_actor_file, read_actors


def test_shipped_dictionary_covers_the_required_actors():
    names = {a.name for a in read_actors([default_actor_file()])}
    required = {
        "US-led coalition",
        "ISIS",
        "Iraqi Security Forces",
        "Peshmerga",
        "KDP",
        "PUK",
        "Popular Mobilization Forces",
        "Kataib Hezbollah",
        "Islamic Resistance in Iraq",
        "SDF",
        "YPG",
        "PKK",
        "Autonomous Administration of North and East Syria",
        "Turkish Armed Forces",
        "Syrian government forces",
        "Russian Armed Forces",
        "IRGC",
        "HTS",
        "SNA",
        "Asayish",
        "BP",
    }
    assert required <= names


def test_acronyms_match_only_as_written():
    matcher = ActorMatcher(read_actors([default_actor_file()]))
    found = [
        (m.text, m.actors[0].name)
        for m in matcher.find(
            "It is said IS militants and Daesh attacked; the PKK and Hashd al-Shaabi responded."
        )
    ]
    assert ("is", "ISIS") not in found
    assert ("IS militants", "ISIS") in found and ("Daesh", "ISIS") in found
    assert ("PKK", "PKK") in found
    assert ("Hashd al-Shaabi", "Popular Mobilization Forces") in found


def test_shared_aliases_follow_the_report_country():
    matcher = ActorMatcher(read_actors([default_actor_file()]))
    mention = next(m for m in matcher.find("Gunmen opened fire.") if m.text == "Gunmen")
    assert mention.pick(["SY"]).name == "Unidentified armed group (Syria)"
    assert mention.pick(["IQ"]).name == "Unidentified armed group (Iraq)"


def test_dictionary_is_extensible(tmp_path):
    extra = tmp_path / "actors.csv"
    extra.write_text(
        "name,kind,country,aliases,source\n"
        "Example Brigade,political_militia,IQ,Ex Brigade|EXB,test\n"
    )
    actors = read_actors([default_actor_file(), extra])
    matcher = ActorMatcher(actors)
    assert [m.actors[0].name for m in matcher.find("The EXB said.")] == ["Example Brigade"]
    assert any(isinstance(a, Actor) and a.name == "ISIS" for a in actors)
