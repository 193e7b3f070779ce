"""officegen — a fourth, independent generator of Jiangsu 1+X declaration-adjustment requests, with truth.

Written from the SPEC and the office's notice only (not from the reader or the other generators), to
draw ordinary office habits: 红头 公文 with document numbers, Excel printouts (grey header, 序号, 调整类型,
增减 and 合计 rows, 不调整 rows), stacked 经办人|部门负责人|分管校领导 signature tables, side-by-side
审核意见 boxes, underscore signature lines, 名章 and boxed 同意 stamps, double/faint/off-edge seals,
department seals, e-seals on Word PDFs; fax bilevel TIFFs, scanner-app ZIPs, phone photos with glare and
moiré, two pages in one photo, punched multi-page TIFFs, HTML-only and forwarded (.eml inside) mail.

`python -m tests.officegen OUT_DIR --n N --seed S` writes `OUT_DIR/registry/{schools,applications}.csv`,
`OUT_DIR/mail/NNNN.eml` (subject `单位名称+2024年证书申报调整申请`, Date/Received 2024-03-02..19 +08:00)
and `OUT_DIR/truth.jsonl` (file, message_id, seed = S*10000+index, family, school, seal, approvals,
changes, problems, defects, capture, pages). Score with `python -m bench.reading OUT_DIR`.

Families (`generate.FAMILIES`), `generate.family_of(i)`: every 8 messages show all eight, every 32 give
each one held-out message. Modules: `registry`, `plan` (content and truth), `wording`, `draw`, `seals`,
`blocks` (approvals, sign-off), `families` (page layouts), `wordpdf`, `capture`, `mail`, `generate`.
"""

from tests.officegen.generate import generate

__all__ = ["generate"]
