"""The analysis as flat files: CSV tables of every figure, and the per-question rows as Parquet.

Parquet goes through pyarrow, the reference implementation that DuckDB, Spark and pandas
all read; the schema is fixed (`ROW_SCHEMA`) so files written on different days or machines
concatenate into one archive-wide dataset.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pocus_player.board.errors import BadInput
from pocus_player.board.rescored import ItemRow


def _schema() -> Any:
    import pyarrow as pa

    s, f, b = pa.string(), pa.float64(), pa.bool_()
    return pa.schema(
        [
            ("file", s),
            ("session", s),
            ("candidate_id", s),
            ("case_id", s),
            ("case_version", s),
            ("question_id", s),
            ("question_type", s),
            ("domain", s),
            ("status", s),
            ("points", f),
            ("max_points", f),
            ("rule", s),
            ("correct", b),
            ("recorded_points", f),
            ("changed", b),
            ("time_s", f),
            ("response", s),
            ("choices", pa.list_(s)),
            ("order", pa.list_(s)),
            ("regions", pa.list_(s)),
            ("outside", b),
            ("measured", f),
            ("expected", f),
            ("allowed", f),
        ]
    )


def write_parquet(rows: Sequence[ItemRow], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema()
    # Column by column from the tuples: several times faster than a dict per row.
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    arrays = [pa.array(list(col), type=f.type) for col, f in zip(columns, schema, strict=True)]
    table = pa.Table.from_arrays(arrays, schema=schema)
    try:
        pq.write_table(table, path, compression="zstd")
    except OSError as exc:
        raise BadInput(f"cannot write {path}: {exc}") from None


def _csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_text(buf.getvalue(), encoding="utf-8")


ITEM_COLUMNS = (
    "question_id",
    "type",
    "domain",
    "max_points",
    "n_reached",
    "n_not_reached",
    "n_omitted",
    "omit_rate",
    "p",
    "r_item_rest",
    "r_polyserial",
    "d_upper_lower",
    "n_upper",
    "n_lower",
    "median_time_s",
)


OPTION_COLUMNS = (
    "case_id",
    "question_id",
    "group",
    "option",
    "key",
    "n",
    "rate",
    "upper_rate",
    "lower_rate",
    "flag",
)

SCALE_COLUMNS = (
    "scope",
    "name",
    "n",
    "mean_fraction",
    "sd_fraction",
    "pass_mark",
    "pass_rate",
    "coefficient",
    "alpha",
    "alpha_ci_low",
    "alpha_ci_high",
    "sem_points",
    "form_n",
    "form_items",
    "max_points",
    "mean_points",
    "sd_points",
)


class _Tables:
    """The rows of each CSV file, gathered case by case and exam by exam."""

    def __init__(self) -> None:
        self.items: list[list[Any]] = []
        self.options: list[list[Any]] = []
        self.calipers: list[list[Any]] = []
        self.errors: list[list[Any]] = []
        self.scales: list[list[Any]] = []
        self.hist: list[list[Any]] = []

    def add_item(self, cid: str, it: Mapping[str, Any]) -> None:
        self.items.append([cid, *[it.get(c) for c in ITEM_COLUMNS], ";".join(it["flags"])])
        for group, rows in _option_groups(it):
            for r in rows:
                self.options.append(
                    [
                        cid,
                        it["question_id"],
                        group,
                        r["option"],
                        r["key"],
                        r["n"],
                        r["rate"],
                        r["upper_rate"],
                        r["lower_rate"],
                        r.get("flag", ""),
                    ]
                )
        cal = it.get("caliper")
        if cal:
            self.calipers.append([cid, it["question_id"], *[cal.get(k) for k in _CALIPER_COLUMNS]])
            self.errors.extend([cid, it["question_id"], e] for e in cal["errors"])

    def add_scales(
        self,
        scope: str,
        name: str,
        whole: Mapping[str, Any],
        domains: Sequence[Mapping[str, Any]],
    ) -> None:
        """The scale of a case or exam, then of each of its domains."""
        scopes = [(scope, name, whole)]
        scopes += [("domain", f"{name}/{d['domain']}", d) for d in domains]
        _scales(scopes, self.scales, self.hist)


def write_tables(data: Mapping[str, Any], out: Path) -> None:
    """The numbers of every figure of the report, one CSV each, in `out`: items.csv (the
    difficulty-discrimination scatter), options.csv (the distractor charts), caliper.csv
    and caliper_errors.csv (the caliper plots), scales.csv and histograms.csv (the score
    histograms), flags.csv."""
    t = _Tables()
    for case in data["cases"]:
        cid = case["case_id"]
        for it in case["items"]:
            t.add_item(cid, it)
        t.add_scales("case", cid, case["scale"], case["domains"])
    for exam in data["exams"]:
        t.add_scales("exam", exam["name"], exam["scale"], exam["domains"])
    _csv(out / "items.csv", ["case_id", *ITEM_COLUMNS, "flags"], t.items)
    _csv(out / "options.csv", OPTION_COLUMNS, t.options)
    _csv(out / "caliper.csv", ["case_id", "question_id", *_CALIPER_COLUMNS], t.calipers)
    _csv(out / "caliper_errors.csv", ["case_id", "question_id", "error"], t.errors)
    _csv(out / "scales.csv", SCALE_COLUMNS, t.scales)
    _csv(out / "histograms.csv", ["scope", "name", "from", "to", "count"], t.hist)
    _csv(
        out / "flags.csv",
        ["scope", "where", "question_id", "code", "message"],
        (
            [f["scope"], f["where"], f["question_id"], f["code"], f["message"]]
            for f in data["flags"]
        ),
    )


_CALIPER_COLUMNS = (
    "unit",
    "expected",
    "tolerance",
    "n_measured",
    "mean_measured",
    "mean_error",
    "sd_error",
    "median_error",
    "mean_abs_error",
    "within_tolerance_rate",
    "upper_mean_error",
    "upper_sd_error",
    "upper_within_tolerance_rate",
)


def _option_groups(item: Mapping[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    if "options" in item:
        return [("options", item["options"])]
    if "regions" in item:
        return [("regions", item["regions"])]
    if "positions" in item:
        return [(f"position {p['position']}", p["options"]) for p in item["positions"]]
    return []


def _scales(
    scopes: Sequence[tuple[str, str, Mapping[str, Any]]], scales: list[Any], hist: list[Any]
) -> None:
    for scope, name, s in scopes:
        d, rel = s["fraction"], s["reliability"]
        ci = rel.get("alpha_ci95") or [None, None]
        scales.append(
            [
                scope,
                name,
                s["n"],
                d["mean"],
                d["sd"],
                s.get("pass_mark"),
                s.get("pass_rate"),
                rel.get("coefficient"),
                rel.get("alpha"),
                ci[0],
                ci[1],
                rel.get("sem_points"),
                rel.get("n"),
                rel.get("k"),
                rel.get("max_points"),
                rel.get("mean_points"),
                rel.get("sd_points"),
            ]
        )
        edges, counts = d["histogram"]["edges"], d["histogram"]["counts"]
        for lo, hi, c in zip(edges, edges[1:], counts, strict=False):
            hist.append([scope, name, lo, hi, c])
