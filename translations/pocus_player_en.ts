<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>ProctorPanel</name>
    <message numerus="yes">
        <source>%n minute(s) added.</source>
        <translation>
            <numerusform>%n minute added.</numerusform>
            <numerusform>%n minutes added.</numerusform>
        </translation>
    </message>
</context>
</TS>
