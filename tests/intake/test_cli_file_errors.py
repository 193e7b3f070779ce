"""Files that cannot be read (missing, a folder, no permission) are told in Chinese, never in errno's English."""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from intake.cli import main
from intake.errors import file_words

ENGLISH = ("No such file", "Is a directory", "Not a directory", "Permission denied", "Errno", "File exists")


@pytest.mark.parametrize(("code", "words"), [
    (errno.ENOENT, "文件不存在"),
    (errno.EACCES, "没有访问权限"),
    (errno.EISDIR, "这是一个目录，不是文件"),
    (errno.ENOTDIR, "路径中有一段不是目录"),
])  # fmt: skip
def test_common_file_errors_have_chinese_words(code: int, words: str) -> None:
    assert file_words(OSError(code, os.strerror(code), "x")) == words


def test_a_permission_denied_is_told_in_chinese(tmp_path: Path) -> None:
    locked = tmp_path / "locked.eml"
    locked.write_bytes(b"x")
    locked.chmod(0)
    try:
        locked.read_bytes()
    except PermissionError as e:  # an unprivileged user: the kernel's own refusal
        assert file_words(e) == "没有访问权限"
    else:
        pytest.skip("root reads a file of mode 000")


@pytest.mark.parametrize(("where", "words"), [
    ("folder", "配置文件无法读取：这是一个目录，不是文件"),
    ("under_a_file", "配置文件无法读取：路径中有一段不是目录"),
])  # fmt: skip
def test_an_unreadable_config_path_exits_2_in_chinese(tmp_path: Path, where: str, words: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    path = tmp_path if where == "folder" else tmp_path / "file" / "config.toml"
    assert main(["--config", str(path), "status"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"配置错误 {path}: {words}"]


def test_a_data_dir_under_a_file_exits_2_naming_the_key(write_config: Callable[..., Path],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config()
    data_dir = path.parent / "data"
    data_dir.write_text("not a folder", encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace(f'"{data_dir}"', f'"{data_dir / "inner"}"'),
                    encoding="utf-8")
    assert main(["--config", str(path), "status"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("配置错误 storage.data_dir: 无法创建数据目录") and line.endswith("路径上已有同名的文件")


def test_registry_import_names_each_unreadable_file_and_why(write_config: Callable[..., Path], tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    not_a_workbook = tmp_path / "名册.xlsx"
    not_a_workbook.write_text("just text", encoding="utf-8")
    missing, folder = tmp_path / "missing.csv", tmp_path / "folder.csv"
    folder.mkdir()
    assert main(["--config", str(write_config()), "registry", "import", str(missing), str(folder),
                 str(not_a_workbook)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-4:] == [
        "名册导入失败，共 3 处错误，未导入任何数据",
        f"  {missing}: 无法读取文件：文件不存在",
        f"  {folder}: 无法读取文件：这是一个目录，不是文件",
        "  名册.xlsx: 不是有效的 Excel 工作簿（.xlsx）",
    ]
    assert not [word for word in ENGLISH if word in err]


def test_ingest_of_missing_files_says_why_in_chinese(write_config: Callable[..., Path], tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.eml"
    with caplog.at_level(logging.ERROR, logger="intake"):
        assert main(["--config", str(write_config()), "ingest", str(missing), str(tmp_path)]) == 1
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == [
        f"无法读取文件 {missing}：文件不存在", f"无法读取文件 {tmp_path}：这是一个目录，不是文件"]
    assert "无法读取的文件 2 个" in capsys.readouterr().err
