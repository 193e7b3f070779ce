"""changegen — an independent generator of Jiangsu 1+X declaration-adjustment requests, with truth, that
draws the CHANGES part of ordinary requests the many ways school offices really write it.

Written from the SPEC, the office's notice, `examples/registry/` and `bench/reading.py` only — without
reading the product (`parsers/`, `workflow/`, `intake/`, `storage/`) or the other generators' code (only
their module docstrings, for the output format) — so its pages do not share their blind spots.
`python -m tests.changegen OUT_DIR --n N --seed S` (or `generate(out_dir, n, base_seed)`) writes:

- `OUT_DIR/registry/schools.csv`, `applications.csv` — ten fictional Jiangsu schools (中职/高职/本科) and
  their declarations (columns of `examples/registry/`; some certificates declared at two levels);
- `OUT_DIR/mail/NNNN.eml` — one request per file, subject `单位名称+2024年证书申报调整申请`,
  `Received:`/`Date:` 2024-03-01..19 +08:00, UTF-8/GBK/GB18030, attachments as image PDF, text-layer PDF
  with scanned pages, JPEG, greyscale PNG or multi-page TIFF (≤ 2 MB a message);
- `OUT_DIR/truth.jsonl` — per message: file, message_id, seed (= S*10000+index; held-out when ≡ 0 mod 4),
  family, school, seal, approvals, changes (certificate, field, from, to, application_id), problems, plus
  defects, capture and pages (roles, layout notes, files) for diagnosing misses.

Every request is otherwise ordinary (correct subject, in the window, two signed 同意 approvals, the
school's red round seal over its name) with 1–4 changes valid against the registry, so misses are about
the changes. Families (`families.FAMILIES`; `generate.family_of(i)`: every 8 messages show all eight,
every 32 give each one held-out message):

- `merged_header_table` — 原申报信息 / 调整后信息 over 等级·专业·人数; unchanged cells blank, —, /, 不变 or the
  old value repeated; sometimes a 不调整 row (not a change);
- `vertical_form` — a 申请表 with one block per certificate (`证书名称：智能财税（中级）`), rows 调整项目 | 原申报 |
  拟调整为 for 试点人数 / 考核专业 / 考核等级, unchanged rows blank or repeating the value;
- `numbered_prose` — `1.` `（1）` `一、` `①` items: 由…调整为/调整到/增加至/减少至, 将…的…调整为…, 由“A”变更为“B”;
  no level where the school declared the certificate at one level only;
- `codes_and_suffixes` — one row per change, certificates as `…职业技能等级证书（中级）`, majors with catalogue
  codes (`530302 大数据与会计`, `120203K 会计学`), 原申报内容/调整后内容, 调整前/调整后, 原申报/拟调整为;
- `wide_table` — 序号 | 证书名称 | 原等级 | 调整后等级 | 原专业 | 调整后专业 | 原人数 | 调整后人数 | 备注, rows changing
  several fields, sometimes on a landscape page;
- `continued_table` — a long letter pushes the table over the page: `续表` and the header again on page 2;
- `buried_in_long_pdf` — 5–6 pages: letter, 姓名/学号/专业/班级 student lists (not changes), the change table on
  page 3 or 4, approvals on the last page; half of them with born-digital letter and lists;
- `landscape_annex` — the letter upright, the table on a landscape 附件 page scanned sideways (90°/270°) or
  photographed with skew up to 6° and a shadow, sometimes as a second attachment.

Captures: 100/150/200/300 dpi scans, colour or greyscale, JPEG quality 55–85, skew up to 1.2°, some phone
photos. Truth (SPEC §2 "Changes"): certificate is the registry's 证书名称, field headcount/level/major, from
the declared value, to as the document states it (levels 初级/中级/高级, majors without codes, headcounts as
integers); application_id the declaration adjusted. Changes stay inside enrolment and 招生专业, so
`problems` is [].

Modules: `registry`, `plan` (content and truth), `wording`, `render` (pages, tables, ink, seals), `parts`
(letter, approvals, sign-off), `families`, `capture` (scan/photo, files), `mail`, `generate`. Score with
`python -m bench.reading OUT_DIR` or `python -m bench.accuracy` (registered there). Tests:
`pytest tests/changegen` (no product run).
"""

from tests.changegen.generate import generate

__all__ = ["generate"]
