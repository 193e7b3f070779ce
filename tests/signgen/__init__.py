"""signgen — another independent generator of Jiangsu 1+X declaration-adjustment requests, with truth,
that draws the APPROVAL part of ordinary requests the many ways school offices really fill it in.

Written from the SPEC, the office's notice and issue 11's list of kinds only — without reading the
product (`parsers/`, `workflow/`, `intake/`, `storage/`) or the other generators' code (formgen, scangen,
papergen, officegen; only the latter two's module docstrings, for the output format) — so its pages do
not share their blind spots. `python -m tests.signgen OUT_DIR --n N --seed S` writes:

- `OUT_DIR/registry/schools.csv`, `applications.csv` — ten fictional Jiangsu schools (中职/高职/本科) and
  their declarations (columns of `examples/registry/`; some certificates declared at two levels);
- `OUT_DIR/mail/NNNN.eml` — one request per file, subject `单位名称+2024年证书申报调整申请` (or the alias,
  `＋`, or no plus), `Received:`/`Date:` 2024-03-04..19 +08:00, UTF-8/GBK/GB18030 in base64 or QP, one
  attachment as JPEG, PNG or image PDF;
- `OUT_DIR/truth.jsonl` — per message: file, message_id, seed (= S*10000+index; held-out when ≡ 0 mod 4),
  family, school, seal, approvals, changes (certificate, field, from, to, application_id), problems, plus
  defects, capture and pages (layout, pen, what each block holds) for diagnosing misses.

Each request is ordinary — a short letter with a ruled change table or a numbered list (or a ruled
申请表) of one to three headcount / level / major changes valid against the registry — and the
variety is in the approvals. Families (`corpus.FAMILIES`; `corpus.family_of(i)`: every 8 messages
show all eight, every 32 give each one held-out message):

- `opinion_under_label` — `部门意见：` alone, the opinion handwritten below, `签字：` + signature + date at
  the right bottom;
- `sign_and_date_same_line` — `label：opinion`, then `负责人：（签字）____ 日期：____` underlines with the
  signature and date written over them (sometimes printed `年 月 日` with handwritten figures);
- `stamp_signature` — 名章 (1–1.8 cm square red name stamps, white-on-red or red-on-white, 2×2 glyphs with
  印/之印) instead of a signature; sometimes no official seal at all (a name stamp is not one);
- `blue_ink_photo` — blue ballpoint, photographed: perspective, uneven warm light, blur;
- `table_with_approval_rows` — one ruled 申请表: unit and contact rows, the changes, then 部门意见 and
  校领导意见 rows (label centred and wrapped in the left cell, opinion top, 签字 + date bottom right),
  sometimes a 单位（盖章） row under the seal;
- `two_column_signoff` — both blocks side by side at the foot of the letter, no rules;
- `negative_and_missing` — 不同意 / 暂缓 / 已阅 opinions, blank signature fields, typed names, an opinion
  without signature, a signature without opinion, a missing block, sometimes no seal;
- `faint_scan` — thin light pen, low-contrast greyscale 150 dpi scans, JPEG quality 40–60.

Truth (SPEC §2 "Seal and approvals"): a block agrees iff it is present, its opinion was drawn from the
affirmative list (`plan.AFFIRMATIVE`) and a handwritten signature or a name stamp stands by its 签字
label; a typed name, a blank field, a blank or negative opinion or a missing block is
`missing_*_approval`; the letter's "经…同意" is never evidence. `seal` is true iff the school's round seal
is on the page. Changes never raise change-side problems, so `problems` ⊆ {no_seal,
missing_department_approval, missing_leader_approval}. Roughly 10 % of the other families also carry one
defect.

Modules: `registry`, `plan` (content and truth), `ink` (print, handwriting, name stamps, seal),
`blocks` (approval arrangements), `layouts` (letter, form, changes, sign-off), `capture`, `mail`,
`corpus` (family per index, truth lines). Score with `python -m bench.reading OUT_DIR` or `python -m bench.accuracy` (registered
there). Tests: `pytest tests/signgen` (no product run).
"""

from tests.signgen.corpus import generate

__all__ = ["generate"]
