from pathlib import Path

import pytest

from kb.settings import SettingsError, load


def test_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    values = load(environ={})
    assert values["ARTICLES_DIR"] == str(tmp_path / "articles")
    assert values["DATABASE_URL"] == f"sqlite:///{tmp_path}/data/kb.sqlite3"
    assert values["EMBEDDING_MODEL"] == "auto"


def test_layers_instance_file_then_environment_then_caller(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "instance").mkdir()
    (tmp_path / "instance" / "kb.toml").write_text('data_dir = "/srv/kb"\ndefault_locale = "en"\nkeep_builds = 5\n')
    values = load(environ={})
    assert (values["DATA_DIR"], values["DEFAULT_LOCALE"], values["KEEP_BUILDS"]) == ("/srv/kb", "en", 5)
    values = load(environ={"KB_KEEP_BUILDS": "3"})
    assert values["KEEP_BUILDS"] == 3 and values["DATA_DIR"] == "/srv/kb"
    values = load({"KEEP_BUILDS": 9}, environ={"KB_KEEP_BUILDS": "3"})
    assert values["KEEP_BUILDS"] == 9


def test_kb_config_names_the_instance_file(tmp_path):
    path = tmp_path / "other.toml"
    path.write_text('KB_DATABASE_URL = "postgresql+psycopg://kb@db/kb"\n')
    assert load(environ={"KB_CONFIG": str(path)})["DATABASE_URL"] == "postgresql+psycopg://kb@db/kb"
    with pytest.raises(SettingsError, match="not a file"):
        load(environ={"KB_CONFIG": str(tmp_path / "missing.toml")})


@pytest.mark.parametrize(
    "content,message",
    [
        ("nonsense = 1\n", "unknown setting 'nonsense'"),
        ('keep_builds = "lots"\n', "must be a whole number"),
        ("keep_builds = [\n", "other.toml"),
    ],
)
def test_bad_instance_file_is_a_sentence(tmp_path, content, message):
    path = tmp_path / "other.toml"
    path.write_text(content)
    with pytest.raises(SettingsError, match=message):
        load(environ={"KB_CONFIG": str(path)})


def test_bad_environment_values(tmp_path):
    with pytest.raises(SettingsError, match="KB_EMBED_BATCH_SIZE must be a whole number"):
        load(environ={"KB_EMBED_BATCH_SIZE": "x"})
    with pytest.raises(SettingsError, match="DEFAULT_LOCALE"):
        load(environ={"KB_DEFAULT_LOCALE": "fr"})
    with pytest.raises(SettingsError, match="SUGGEST_PRECISION must be int8 or float32"):
        load(environ={"KB_SUGGEST_PRECISION": "fp16"})
    with pytest.raises(SettingsError, match="ENCODER_RUNTIME must be auto or torch"):
        load(environ={"KB_ENCODER_RUNTIME": "tensorflow"})
    with pytest.raises(SettingsError, match="ENCODER_PRECISION must be auto, float32 or int8"):
        load(environ={"KB_ENCODER_PRECISION": "bf16"})
    with pytest.raises(SettingsError, match="int8 needs ENCODER_RUNTIME=auto"):
        load(environ={"KB_ENCODER_PRECISION": "int8", "KB_ENCODER_RUNTIME": "torch"})
    assert load(environ={"KB_SUGGEST_PRECISION": " Float32 "})["SUGGEST_PRECISION"] == "float32"
    assert Path(load(environ={"KB_DATA_DIR": "~/kbdata"})["DATA_DIR"]).is_absolute()
