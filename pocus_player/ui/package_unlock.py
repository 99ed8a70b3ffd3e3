"""A sealed exam package at the preflight: opened, checked, unlocked and read into memory.

`run_package_checks` gives the preflight's rows for a package (and the unlocked
package when every row passes); `PackageKeeper` holds the unlocked package of
the exam about to run, and makes its content unreadable again when the exam is
over. Nothing is written anywhere. No Qt here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pocus_player.core.settings_store import ExamDef
from pocus_player.ui.exam_checks import media_kind, media_row
from pocus_player.ui.readiness import Check

if TYPE_CHECKING:
    import pyrage

    from pocus_player.core.model import Case, MediaItem
    from pocus_player.core.package.reader import UnlockedPackage
    from pocus_player.core.package.signing import VerifyKey


# The rows' fixed messages (marked for translation, shown by `_tr`).
_NO_PASSPHRASE = str(
    QT_TRANSLATE_NOOP(
        "PackageUnlock", "Type the package passphrase on the set-up page (Back to set-up)."
    )
)
_WITHHELD = str(
    QT_TRANSLATE_NOOP(
        "PackageUnlock", "its keys are withheld by the board: it cannot run in practice mode"
    )
)


def _tr(marked: str) -> str:
    return QCoreApplication.translate("PackageUnlock", marked)


def run_package_checks(
    exam: ExamDef,
    passphrase: str | None,
    center_identity: Path | None,
    signing_key: Path | None,
    practice: bool,
) -> tuple[list[Check], list[Case], UnlockedPackage | None]:
    """Open, check and unlock a sealed package, then read every file of it into memory.

    In exam mode the package must be signed by the board's key; in practice mode an
    unsigned one is allowed (and said). Nothing is written anywhere.
    """
    from pocus_player.core.package import content
    from pocus_player.core.package.errors import PackageError
    from pocus_player.core.package.signing import load_verify_key

    assert exam.package is not None
    name = QCoreApplication.translate("PackageUnlock", "Package {name}").format(
        name=exam.package.name
    )
    identities, checks = _center_identities(center_identity)
    if not passphrase and not identities:
        checks.append(Check(name, False, _tr(_NO_PASSPHRASE)))
        return checks, [], None
    try:
        trusted = [load_verify_key(signing_key)] if signing_key is not None else []
        pkg = content.open_package(
            exam.package,
            passphrase=passphrase or None,
            identities=identities,
            trusted=trusted,
            require_signature=not practice,
        )
        cases = content.load_cases(pkg)
    except PackageError as exc:
        checks.append(Check(name, False, str(exc)))
        return checks, [], None
    if pkg.keys_withheld and practice:
        checks.append(Check(name, False, _tr(_WITHHELD)))
        return checks, [], None
    checks.append(_package_check(name, pkg, trusted, signing_key))
    content.register(pkg)  # readable from memory from here on: the clips are decoded below
    for case in cases:
        row = QCoreApplication.translate("ExamChecks", "Case {case}").format(case=case.meta.id)
        unlocked = QCoreApplication.translate("PackageUnlock", "unlocked ({title})")
        checks.append(Check(row, True, unlocked.format(title=case.meta.title)))
        checks.extend(sealed_media_check(pkg, item) for item in case.media)
    if any(not c.ok for c in checks):
        content.unregister(pkg)
        return checks, [], None
    return checks, cases, pkg


def _center_identities(
    center_identity: Path | None,
) -> tuple[list[pyrage.x25519.Identity], list[Check]]:
    """This center's private keys (they open a package sealed to the center), or a failed row."""
    from pocus_player.core.errors import PocusError

    if center_identity is None or not center_identity.is_file():
        return [], []
    from pocus_player.core.journal_format import load_identities

    try:
        return list(load_identities(center_identity)), []
    except PocusError as exc:
        return [], [
            Check(QCoreApplication.translate("PackageUnlock", "Center key"), False, str(exc))
        ]


def _package_check(
    name: str, pkg: UnlockedPackage, trusted: list[VerifyKey], signing_key: Path | None
) -> Check:
    """The package's row: title, version, signature, validity and whether keys are withheld."""
    status = pkg.sealed.signature_status(trusted)
    until = pkg.sealed.header.get("not_after")
    demo = signing_key is not None and "demo-board" in signing_key.name and status.trusted
    return Check(
        name,
        True,
        f"{pkg.sealed.exam.get('title')} v{pkg.sealed.version}: {status.detail}"
        + (
            QCoreApplication.translate("PackageUnlock", " (DEMO signing key: proves nothing)")
            if demo
            else ""
        )
        + (
            QCoreApplication.translate("PackageUnlock", "; valid until {date}").format(date=until)
            if until
            else ""
        )
        + (
            QCoreApplication.translate("PackageUnlock", "; keys withheld (scored by the board)")
            if pkg.keys_withheld
            else ""
        ),
        warning=demo or not status.trusted,
    )


def sealed_media_check(pkg: UnlockedPackage, item: MediaItem) -> Check:
    """A member decrypted whole and hash-checked; a clip's first frame decoded from memory."""
    from pocus_player.core.package.errors import PackageError

    name = media_row(item.file.name)
    entry = pkg.entry_for(item.file)
    if entry is None:
        return Check(
            name,
            False,
            QCoreApplication.translate("PackageUnlock", "the package holds no {file}").format(
                file=item.file.name
            ),
        )
    try:
        pkg.read_entry(entry)[:] = b""  # decrypted whole and hash-checked, then dropped
    except PackageError as exc:
        return Check(name, False, str(exc))
    info = entry.media_info
    what = media_kind(
        info if info is not None and info.has_video and info.width else None,
        info is not None and info.has_audio,
        info.duration_s if info is not None else None,
    )
    if info is not None and info.has_video and info.duration_s and not item.is_picture:
        from pocus_player.ui.questions.images import QuestionImageError, decode_clip_frame

        try:
            decode_clip_frame(item, 0)
        except QuestionImageError as exc:
            return Check(
                name,
                False,
                QCoreApplication.translate(
                    "PackageUnlock", "decrypts, but does not decode from memory: {error}"
                ).format(error=exc),
            )
        return Check(
            name,
            True,
            QCoreApplication.translate(
                "PackageUnlock", "decrypts and decodes in memory ({what})"
            ).format(what=what),
        )
    return Check(
        name,
        True,
        QCoreApplication.translate(
            "PackageUnlock", "decrypts in memory and matches ({what})"
        ).format(what=what),
    )


class PackageKeeper:
    """The unlocked package of the exam about to run, and what its start records say of it."""

    def __init__(self, signing_key: Path | None) -> None:
        self.signing_key = signing_key
        self.package: UnlockedPackage | None = None
        self.delivery: dict[str, object] | None = None

    def adopt(self, pkg: UnlockedPackage | None) -> None:
        self.forget()
        if pkg is None:
            return
        from pocus_player.core.package import content
        from pocus_player.core.package.signing import load_verify_key

        trusted = [load_verify_key(self.signing_key)] if self.signing_key is not None else []
        self.package = pkg
        self.delivery = content.delivery_record(pkg, trusted)

    def forget(self) -> None:
        """The exam is over (or another one chosen): its content is no longer readable."""
        if self.package is not None:
            from pocus_player.core.package import content

            content.unregister(self.package)
        self.package = None
        self.delivery = None
