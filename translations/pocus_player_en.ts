<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CandidateHeader</name>
    <message numerus="yes">
        <source>%n part(s)</source>
        <translation>
            <numerusform>%n part</numerusform>
            <numerusform>%n parts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CandidateWindow</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{minutes} %n second(s)</source>
        <translation>
            <numerusform>{minutes} %n second</numerusform>
            <numerusform>{minutes} %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckpointPanel</name>
    <message numerus="yes">
        <source>Replay clip (%n replay(s) left)</source>
        <translation>
            <numerusform>Replay clip (%n replay left)</numerusform>
            <numerusform>Replay clip (%n replays left)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay the clip &apos;{title}&apos;; %n replay(s) left</source>
        <translation>
            <numerusform>Replay the clip &apos;{title}&apos;; %n replay left</numerusform>
            <numerusform>Replay the clip &apos;{title}&apos;; %n replays left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) not answered. Submit anyway?</source>
        <translation>
            <numerusform>%n question is not answered. Submit anyway?</numerusform>
            <numerusform>%n questions are not answered. Submit anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EndScreen</name>
    <message numerus="yes">
        <source>%n case(s) remain in this exam.</source>
        <translation>
            <numerusform>%n case remains in this exam.</numerusform>
            <numerusform>%n cases remain in this exam.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HotspotCanvas</name>
    <message numerus="yes">
        <source>{placed} of %n markers placed.</source>
        <translation>
            <numerusform>{placed} of %n marker placed.</numerusform>
            <numerusform>{placed} of %n markers placed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n markers are placed. Drag one to move it, or select it and press Delete to remove it.</source>
        <translation>
            <numerusform>The marker is placed. Drag it to move it, or select it and press Delete to remove it.</numerusform>
            <numerusform>All %n markers are placed. Drag one to move it, or select it and press Delete to remove it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HotspotQuestionWidget</name>
    <message numerus="yes">
        <source>Place up to %n markers on the image: click to place each one, drag a marker to move it. Keyboard: the arrow keys move the cursor (Shift: 10 pixels) and Enter places a marker; press a marker&apos;s number to select it and move it with the arrow keys; Delete removes the selected marker.</source>
        <translation>
            <numerusform>Place up to %n marker on the image: click to place it, drag it to move it. Keyboard: the arrow keys move the cursor (Shift: 10 pixels) and Enter places the marker; press its number to select it and move it with the arrow keys; Delete removes the selected marker.</numerusform>
            <numerusform>Place up to %n markers on the image: click to place each one, drag a marker to move it. Keyboard: the arrow keys move the cursor (Shift: 10 pixels) and Enter places a marker; press a marker&apos;s number to select it and move it with the arrow keys; Delete removes the selected marker.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message numerus="yes">
        <source>Wrong PIN. %n try(s) left before a {seconds}-second lockout.</source>
        <translation>
            <numerusform>Wrong PIN. %n try left before a {seconds}-second lockout.</numerusform>
            <numerusform>Wrong PIN. %n tries left before a {seconds}-second lockout.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreflightPage</name>
    <message numerus="yes">
        <source>%n check(s) failed. Fix them (see the lines marked {failed}) and run the checks again; the exam cannot start until every check passes.</source>
        <translation>
            <numerusform>%n check(s) failed. Fix them (see the lines marked {failed}) and run the checks again; the exam cannot start until every check passes.</numerusform>
            <numerusform>%n check(s) failed. Fix them (see the lines marked {failed}) and run the checks again; the exam cannot start until every check passes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewFollow</name>
    <message numerus="yes">
        <source>Step {step}: answer %n question(s), then Submit.</source>
        <translation>
            <numerusform>Step {step}: answer %n question, then Submit.</numerusform>
            <numerusform>Step {step}: answer %n questions, then Submit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message numerus="yes">
        <source>Review packet written: {path} (%n page(s))</source>
        <translation>
            <numerusform>Review packet written: {path} (%n page)</numerusform>
            <numerusform>Review packet written: {path} (%n pages)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message numerus="yes">
        <source>{time}: {script} has %n error(s); the last valid version stays on screen. Double-click a problem to open it.</source>
        <translation>
            <numerusform>{time}: {script} has %n error(s); the last valid version stays on screen. Double-click a problem to open it.</numerusform>
            <numerusform>{time}: {script} has %n error(s); the last valid version stays on screen. Double-click a problem to open it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{time}: {script} has %n error(s). Double-click a problem to open it.</source>
        <translation>
            <numerusform>{time}: {script} has %n error(s). Double-click a problem to open it.</numerusform>
            <numerusform>{time}: {script} has %n error(s). Double-click a problem to open it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{time}: {script} loaded, %n warning(s).</source>
        <translation>
            <numerusform>{time}: {script} loaded, %n warning(s).</numerusform>
            <numerusform>{time}: {script} loaded, %n warning(s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProctorPanel</name>
    <message numerus="yes">
        <source>%n minute(s) added.</source>
        <translation>
            <numerusform>%n minute added.</numerusform>
            <numerusform>%n minutes added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message numerus="yes">
        <source>%n case(s) in order: {names}</source>
        <translation>
            <numerusform>%n case in order: {names}</numerusform>
            <numerusform>%n cases in order: {names}</numerusform>
        </translation>
    </message>
</context>
</TS>
