<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>CaliperQuestionWidget</name>
        <message>
            <source>Key: {value} ± {tolerance}</source>
            <translation>[Ķééýý: {value} ± {tolerance}]</translation>
        </message>
        <message>
            <source>Measure with two endpoints: click to place endpoint 1 and endpoint 2 (or drag from endpoint 1), then drag either to adjust. Keyboard: Tab switches from endpoint 1 to endpoint 2, the arrow keys move the active endpoint (Shift: 10 pixels), Enter places it, Delete removes it.</source>
            <translation>[Ḿééáášüüŕéé ŵííţĥ ţŵöö ééñďþööííñţš: çĺííçķ ţöö þĺááçéé ééñďþööííñţ 1 ááñď ééñďþööííñţ 2 (ööŕ ďŕááĝ ƒŕööḿ ééñďþööííñţ 1), ţĥééñ ďŕááĝ ééííţĥééŕ ţöö ááďĵüüšţ. Ķééýýƀööááŕď: Ţááƀ šŵííţçĥééš ƒŕööḿ ééñďþööííñţ 1 ţöö ééñďþööííñţ 2, ţĥéé ááŕŕööŵ ķééýýš ḿööṽéé ţĥéé ááçţííṽéé ééñďþööííñţ (Šĥííƒţ: 10 þííẋééĺš), ÉÉñţééŕ þĺááçééš ííţ, Ďééĺééţéé ŕééḿööṽééš ííţ.]</translation>
        </message>
        <message>
            <source>Image to measure</source>
            <translation>[ÍÍḿááĝéé ţöö ḿééáášüüŕéé]</translation>
        </message>
        <message>
            <source>Measurement</source>
            <translation>[Ḿééáášüüŕééḿééñţ]</translation>
        </message>
        <message>
            <source>Clear endpoints</source>
            <translation>[Çĺééááŕ ééñďþööííñţš]</translation>
        </message>
        <message>
            <source>Removes both endpoints so you can measure again.</source>
            <translation>[Ŕééḿööṽééš ƀööţĥ ééñďþööííñţš šöö ýýööüü çááñ ḿééáášüüŕéé ááĝááííñ.]</translation>
        </message>
        <message>
            <source>Endpoint status</source>
            <translation>[ÉÉñďþööííñţ šţááţüüš]</translation>
        </message>
        <message>
            <source>This image has no calibration; no measurement can be shown.</source>
            <translation>[Ţĥííš ííḿááĝéé ĥááš ñöö çááĺííƀŕááţííööñ; ñöö ḿééáášüüŕééḿééñţ çááñ ƀéé šĥööŵñ.]</translation>
        </message>
        <message>
            <source>Measurement: {value}</source>
            <translation>[Ḿééáášüüŕééḿééñţ: {value}]</translation>
        </message>
        <message>
            <source>This image's calibration cannot give this measurement.</source>
            <translation>[Ţĥííš ííḿááĝéé'š çááĺííƀŕááţííööñ çááññööţ ĝííṽéé ţĥííš ḿééáášüüŕééḿééñţ.]</translation>
        </message>
        <message>
            <source>Endpoint {number} at {x}, {y} pixels.</source>
            <translation>[ÉÉñďþööííñţ {number} ááţ {x}, {y} þííẋééĺš.]</translation>
        </message>
        <message>
            <source>Endpoint {number} not placed.</source>
            <translation>[ÉÉñďþööííñţ {number} ñööţ þĺááçééď.]</translation>
        </message>
        <message>
            <source>Endpoint {number} is active.</source>
            <translation>[ÉÉñďþööííñţ {number} ííš ááçţííṽéé.]</translation>
        </message>
        <message>
            <source>Image to measure, {width} by {height} pixels</source>
            <translation>[ÍÍḿááĝéé ţöö ḿééáášüüŕéé, {width} ƀýý {height} þííẋééĺš]</translation>
        </message>
        <message>
            <source>Green circles: the reference endpoints; green band: where endpoint 2 gives an accepted reading.</source>
            <translation>[Ĝŕééééñ çííŕçĺééš: ţĥéé ŕééƒééŕééñçéé ééñďþööííñţš; ĝŕééééñ ƀááñď: ŵĥééŕéé ééñďþööííñţ 2 ĝííṽééš ááñ ááççééþţééď ŕééááďííñĝ.]</translation>
        </message>
    </context>
    <context>
        <name>CaptionOverlay</name>
        <message>
            <source>Captions</source>
            <translation>[Çááþţííööñš]</translation>
        </message>
        <message>
            <source>No caption at this time</source>
            <translation>[Ñöö çááþţííööñ ááţ ţĥííš ţííḿéé]</translation>
        </message>
    </context>
    <context>
        <name>ChoiceQuestionWidget</name>
        <message>
            <source>press 1–{digit} or A–{letter}</source>
            <translation>[þŕééšš 1–{digit} ööŕ ÁÁ–{letter}]</translation>
        </message>
        <message>
            <source>press 1 or A</source>
            <translation>[þŕééšš 1 ööŕ ÁÁ]</translation>
        </message>
        <message>
            <source>Tick every option that applies. Click an option, or {keys}, to tick or untick it. Up and Down move between options; Space ticks the one in focus.</source>
            <translation>[Ţííçķ ééṽééŕýý ööþţííööñ ţĥááţ ááþþĺííééš. Çĺííçķ ááñ ööþţííööñ, ööŕ {keys}, ţöö ţííçķ ööŕ üüñţííçķ ííţ. ÜÜþ ááñď Ďööŵñ ḿööṽéé ƀééţŵééééñ ööþţííööñš; Šþááçéé ţííçķš ţĥéé ööñéé ííñ ƒööçüüš.]</translation>
        </message>
        <message>
            <source>Choose one answer. Click an option, or {keys}. Up and Down move between options; Space chooses the one in focus.</source>
            <translation>[Çĥööööšéé ööñéé ááñšŵééŕ. Çĺííçķ ááñ ööþţííööñ, ööŕ {keys}. ÜÜþ ááñď Ďööŵñ ḿööṽéé ƀééţŵééééñ ööþţííööñš; Šþááçéé çĥööööšééš ţĥéé ööñéé ííñ ƒööçüüš.]</translation>
        </message>
        <message>
            <source>Correct answers: {options}</source>
            <translation>[Çööŕŕééçţ ááñšŵééŕš: {options}]</translation>
        </message>
        <message>
            <source>Correct answer: {options}</source>
            <translation>[Çööŕŕééçţ ááñšŵééŕ: {options}]</translation>
        </message>
    </context>
    <context>
        <name>ElidedLabel</name>
        <message>
            <source>{prefix}: {text}</source>
            <translation>[{prefix}: {text}]</translation>
        </message>
    </context>
    <context>
        <name>ExamApp</name>
        <message>
            <source>Case file: {name}</source>
            <translation>[Çáášéé ƒííĺéé: {name}]</translation>
        </message>
        <message>
            <source>The cases were not all loaded; run the preflight again.</source>
            <translation>[Ţĥéé çáášééš ŵééŕéé ñööţ ááĺĺ ĺööááďééď; ŕüüñ ţĥéé þŕééƒĺííĝĥţ ááĝááííñ.]</translation>
        </message>
        <message>
            <source>The case “{case}” of the unfinished exam is not among the exams on this computer, so it cannot be resumed here.</source>
            <translation>[Ţĥéé çáášéé “{case}” ööƒ ţĥéé üüñƒííñííšĥééď ééẋááḿ ííš ñööţ ááḿööñĝ ţĥéé ééẋááḿš ööñ ţĥííš çööḿþüüţééŕ, šöö ííţ çááññööţ ƀéé ŕééšüüḿééď ĥééŕéé.]</translation>
        </message>
        <message>
            <source>The unfinished exam's case no longer validates: {problem}</source>
            <translation>[Ţĥéé üüñƒííñííšĥééď ééẋááḿ'š çáášéé ñöö ĺööñĝééŕ ṽááĺííďááţééš: {problem}]</translation>
        </message>
        <message>
            <source>its cases differ from the exam begun</source>
            <translation>[ííţš çáášééš ďííƒƒééŕ ƒŕööḿ ţĥéé ééẋááḿ ƀééĝüüñ]</translation>
        </message>
        <message>
            <source>The unfinished exam cannot be resumed: {reason}</source>
            <translation>[Ţĥéé üüñƒííñííšĥééď ééẋááḿ çááññööţ ƀéé ŕééšüüḿééď: {reason}]</translation>
        </message>
        <message>
            <source>Resumed exam</source>
            <translation>[Ŕééšüüḿééď ééẋááḿ]</translation>
        </message>
    </context>
    <context>
        <name>HotspotCanvas</name>
        <message>
            <source>No marker placed yet.</source>
            <translation>[Ñöö ḿááŕķééŕ þĺááçééď ýýééţ.]</translation>
        </message>
        <message>
            <source>Marker {number} at {x}, {y} pixels.</source>
            <translation>[Ḿááŕķééŕ {number} ááţ {x}, {y} þííẋééĺš.]</translation>
        </message>
        <message numerus="yes">
            <source>{placed} of %n markers placed.</source>
            <translation>
                <numerusform>[{placed} ööƒ %n ḿááŕķééŕ þĺááçééď.]</numerusform>
                <numerusform>[{placed} ööƒ %n ḿááŕķééŕš þĺááçééď.]</numerusform>
            </translation>
        </message>
        <message>
            <source>Marker {number} is selected.</source>
            <translation>[Ḿááŕķééŕ {number} ííš šééĺééçţééď.]</translation>
        </message>
        <message numerus="yes">
            <source>All %n markers are placed. Drag one to move it, or select it and press Delete to remove it.</source>
            <translation>
                <numerusform>[Ţĥéé ḿááŕķééŕ ííš þĺááçééď. Ďŕááĝ ííţ ţöö ḿööṽéé ííţ, ööŕ šééĺééçţ ííţ ááñď þŕééšš Ďééĺééţéé ţöö ŕééḿööṽéé ííţ.]</numerusform>
                <numerusform>[ÁÁĺĺ %n ḿááŕķééŕš ááŕéé þĺááçééď. Ďŕááĝ ööñéé ţöö ḿööṽéé ííţ, ööŕ šééĺééçţ ííţ ááñď þŕééšš Ďééĺééţéé ţöö ŕééḿööṽéé ííţ.]</numerusform>
            </translation>
        </message>
        <message>
            <source> (frames {first}–{last})</source>
            <translation>[ (ƒŕááḿééš {first}–{last})]</translation>
        </message>
    </context>
    <context>
        <name>HotspotQuestionWidget</name>
        <message>
            <source>Place a marker on the image: click to place it; click elsewhere or drag it to move it. Keyboard: the arrow keys move the cursor (Shift: 10 pixels), Enter places the marker, then the arrow keys move it; Delete removes it.</source>
            <translation>[Þĺááçéé áá ḿááŕķééŕ ööñ ţĥéé ííḿááĝéé: çĺííçķ ţöö þĺááçéé ííţ; çĺííçķ ééĺšééŵĥééŕéé ööŕ ďŕááĝ ííţ ţöö ḿööṽéé ííţ. Ķééýýƀööááŕď: ţĥéé ááŕŕööŵ ķééýýš ḿööṽéé ţĥéé çüüŕšööŕ (Šĥííƒţ: 10 þííẋééĺš), ÉÉñţééŕ þĺááçééš ţĥéé ḿááŕķééŕ, ţĥééñ ţĥéé ááŕŕööŵ ķééýýš ḿööṽéé ííţ; Ďééĺééţéé ŕééḿööṽééš ííţ.]</translation>
        </message>
        <message numerus="yes">
            <source>Place up to %n markers on the image: click to place each one, drag a marker to move it. Keyboard: the arrow keys move the cursor (Shift: 10 pixels) and Enter places a marker; press a marker's number to select it and move it with the arrow keys; Delete removes the selected marker.</source>
            <translation>
                <numerusform>[Þĺááçéé üüþ ţöö %n ḿááŕķééŕ ööñ ţĥéé ííḿááĝéé: çĺííçķ ţöö þĺááçéé ííţ, ďŕááĝ ííţ ţöö ḿööṽéé ííţ. Ķééýýƀööááŕď: ţĥéé ááŕŕööŵ ķééýýš ḿööṽéé ţĥéé çüüŕšööŕ (Šĥííƒţ: 10 þííẋééĺš) ááñď ÉÉñţééŕ þĺááçééš ţĥéé ḿááŕķééŕ; þŕééšš ííţš ñüüḿƀééŕ ţöö šééĺééçţ ííţ ááñď ḿööṽéé ííţ ŵííţĥ ţĥéé ááŕŕööŵ ķééýýš; Ďééĺééţéé ŕééḿööṽééš ţĥéé šééĺééçţééď ḿááŕķééŕ.]</numerusform>
                <numerusform>[Þĺááçéé üüþ ţöö %n ḿááŕķééŕš ööñ ţĥéé ííḿááĝéé: çĺííçķ ţöö þĺááçéé ééááçĥ ööñéé, ďŕááĝ áá ḿááŕķééŕ ţöö ḿööṽéé ííţ. Ķééýýƀööááŕď: ţĥéé ááŕŕööŵ ķééýýš ḿööṽéé ţĥéé çüüŕšööŕ (Šĥííƒţ: 10 þííẋééĺš) ááñď ÉÉñţééŕ þĺááçééš áá ḿááŕķééŕ; þŕééšš áá ḿááŕķééŕ'š ñüüḿƀééŕ ţöö šééĺééçţ ííţ ááñď ḿööṽéé ííţ ŵííţĥ ţĥéé ááŕŕööŵ ķééýýš; Ďééĺééţéé ŕééḿööṽééš ţĥéé šééĺééçţééď ḿááŕķééŕ.]</numerusform>
            </translation>
        </message>
        <message>
            <source>Image to mark</source>
            <translation>[ÍÍḿááĝéé ţöö ḿááŕķ]</translation>
        </message>
        <message>
            <source>Marker status</source>
            <translation>[Ḿááŕķééŕ šţááţüüš]</translation>
        </message>
        <message>
            <source>Remove marker</source>
            <translation>[Ŕééḿööṽéé ḿááŕķééŕ]</translation>
        </message>
        <message>
            <source>Removes the selected marker, or the last one placed. Delete does the same on the image.</source>
            <translation>[Ŕééḿööṽééš ţĥéé šééĺééçţééď ḿááŕķééŕ, ööŕ ţĥéé ĺáášţ ööñéé þĺááçééď. Ďééĺééţéé ďööééš ţĥéé šááḿéé ööñ ţĥéé ííḿááĝéé.]</translation>
        </message>
        <message>
            <source>Image to mark, {width} by {height} pixels</source>
            <translation>[ÍÍḿááĝéé ţöö ḿááŕķ, {width} ƀýý {height} þííẋééĺš]</translation>
        </message>
        <message>
            <source>Correct region (green, solid outline, ✓): {regions}.</source>
            <translation>[Çööŕŕééçţ ŕééĝííööñ (ĝŕééééñ, šööĺííď ööüüţĺííñéé, ✓): {regions}.]</translation>
        </message>
        <message>
            <source>Correct regions (green, solid outline, ✓): {regions}.</source>
            <translation>[Çööŕŕééçţ ŕééĝííööñš (ĝŕééééñ, šööĺííď ööüüţĺííñéé, ✓): {regions}.]</translation>
        </message>
        <message>
            <source>Other regions (orange, dashed outline): {regions}.</source>
            <translation>[ÖÖţĥééŕ ŕééĝííööñš (ööŕááñĝéé, ďáášĥééď ööüüţĺííñéé): {regions}.]</translation>
        </message>
    </context>
    <context>
        <name>ImageCanvas</name>
        <message>
            <source>The image is not available.</source>
            <translation>[Ţĥéé ííḿááĝéé ííš ñööţ ááṽááííĺááƀĺéé.]</translation>
        </message>
    </context>
    <context>
        <name>MediaWidget</name>
        <message>
            <source>Narration</source>
            <translation>[Ñááŕŕááţííööñ]</translation>
        </message>
        <message>
            <source>Audio narration</source>
            <translation>[ÁÁüüďííöö ñááŕŕááţííööñ]</translation>
        </message>
    </context>
    <context>
        <name>OptionRow</name>
        <message>
            <source>A diagnosis is not possible from the information given</source>
            <translation>[ÁÁ ďííááĝñööšííš ííš ñööţ þööššííƀĺéé ƒŕööḿ ţĥéé ííñƒööŕḿááţííööñ ĝííṽééñ]</translation>
        </message>
        <message>
            <source>Correct answer</source>
            <translation>[Çööŕŕééçţ ááñšŵééŕ]</translation>
        </message>
        <message>
            <source>Option {letter}: {text}</source>
            <translation>[ÖÖþţííööñ {letter}: {text}]</translation>
        </message>
        <message>
            <source>Tick or untick this option with Space, or press {number} or {letter}.</source>
            <translation>[Ţííçķ ööŕ üüñţííçķ ţĥííš ööþţííööñ ŵííţĥ Šþááçéé, ööŕ þŕééšš {number} ööŕ {letter}.]</translation>
        </message>
        <message>
            <source>Tick or untick this option with Space.</source>
            <translation>[Ţííçķ ööŕ üüñţííçķ ţĥííš ööþţííööñ ŵííţĥ Šþááçéé.]</translation>
        </message>
        <message>
            <source>Choose this option with Space, or press {number} or {letter}.</source>
            <translation>[Çĥööööšéé ţĥííš ööþţííööñ ŵííţĥ Šþááçéé, ööŕ þŕééšš {number} ööŕ {letter}.]</translation>
        </message>
        <message>
            <source>Choose this option with Space.</source>
            <translation>[Çĥööööšéé ţĥííš ööþţííööñ ŵííţĥ Šþááçéé.]</translation>
        </message>
        <message>
            <source>Up and Down move between options.</source>
            <translation>[ÜÜþ ááñď Ďööŵñ ḿööṽéé ƀééţŵééééñ ööþţííööñš.]</translation>
        </message>
        <message>
            <source>Ticking it clears the other options.</source>
            <translation>[Ţííçķííñĝ ííţ çĺééááŕš ţĥéé ööţĥééŕ ööþţííööñš.]</translation>
        </message>
    </context>
    <context>
        <name>OrderRow</name>
        <message>
            <source>Alt+Up or Alt+Down (Ctrl+Up or Ctrl+Down) moves this item one place; Up and Down go to the previous or next item. It can also be dragged.</source>
            <translation>[ÁÁĺţ+ÜÜþ ööŕ ÁÁĺţ+Ďööŵñ (Çţŕĺ+ÜÜþ ööŕ Çţŕĺ+Ďööŵñ) ḿööṽééš ţĥííš ííţééḿ ööñéé þĺááçéé; ÜÜþ ááñď Ďööŵñ ĝöö ţöö ţĥéé þŕééṽííööüüš ööŕ ñééẋţ ííţééḿ. ÍÍţ çááñ ááĺšöö ƀéé ďŕááĝĝééď.]</translation>
        </message>
        <message>
            <source>Position {position} of {count}: {text}</source>
            <translation>[Þööšííţííööñ {position} ööƒ {count}: {text}]</translation>
        </message>
    </context>
    <context>
        <name>OrderingQuestionWidget</name>
        <message>
            <source>Put the items in order, first at the top. Drag an item to its place, or select it and use Move up and Move down. Keyboard: Up and Down go between items, Alt+Up and Alt+Down (or Ctrl+Up and Ctrl+Down) move the item in focus.</source>
            <translation>[Þüüţ ţĥéé ííţééḿš ííñ ööŕďééŕ, ƒííŕšţ ááţ ţĥéé ţööþ. Ďŕááĝ ááñ ííţééḿ ţöö ííţš þĺááçéé, ööŕ šééĺééçţ ííţ ááñď üüšéé Ḿööṽéé üüþ ááñď Ḿööṽéé ďööŵñ. Ķééýýƀööááŕď: ÜÜþ ááñď Ďööŵñ ĝöö ƀééţŵééééñ ííţééḿš, ÁÁĺţ+ÜÜþ ááñď ÁÁĺţ+Ďööŵñ (ööŕ Çţŕĺ+ÜÜþ ááñď Çţŕĺ+Ďööŵñ) ḿööṽéé ţĥéé ííţééḿ ííñ ƒööçüüš.]</translation>
        </message>
        <message>
            <source>Items to put in order</source>
            <translation>[ÍÍţééḿš ţöö þüüţ ííñ ööŕďééŕ]</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>[Ḿööṽéé üüþ]</translation>
        </message>
        <message>
            <source>Moves the selected item one place up (Alt+Up).</source>
            <translation>[Ḿööṽééš ţĥéé šééĺééçţééď ííţééḿ ööñéé þĺááçéé üüþ (ÁÁĺţ+ÜÜþ).]</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>[Ḿööṽéé ďööŵñ]</translation>
        </message>
        <message>
            <source>Moves the selected item one place down (Alt+Down).</source>
            <translation>[Ḿööṽééš ţĥéé šééĺééçţééď ííţééḿ ööñéé þĺááçéé ďööŵñ (ÁÁĺţ+Ďööŵñ).]</translation>
        </message>
        <message>
            <source>Order status</source>
            <translation>[ÖÖŕďééŕ šţááţüüš]</translation>
        </message>
        <message>
            <source>Keep this order</source>
            <translation>[Ķééééþ ţĥííš ööŕďééŕ]</translation>
        </message>
        <message>
            <source>Records the list as it is now as your answer, without moving anything.</source>
            <translation>[Ŕééçööŕďš ţĥéé ĺííšţ ááš ííţ ííš ñööŵ ááš ýýööüüŕ ááñšŵééŕ, ŵííţĥööüüţ ḿööṽííñĝ ááñýýţĥííñĝ.]</translation>
        </message>
        <message>
            <source>Moved “{text}” to position {position} of {count}.</source>
            <translation>[Ḿööṽééď “{text}” ţöö þööšííţííööñ {position} ööƒ {count}.]</translation>
        </message>
        <message>
            <source>The order shown is recorded as your answer.</source>
            <translation>[Ţĥéé ööŕďééŕ šĥööŵñ ííš ŕééçööŕďééď ááš ýýööüüŕ ááñšŵééŕ.]</translation>
        </message>
        <message>
            <source>Your order is recorded.</source>
            <translation>[ÝÝööüüŕ ööŕďééŕ ííš ŕééçööŕďééď.]</translation>
        </message>
        <message>
            <source>The list starts in the order the options were written. Move items, or choose “Keep this order” if it is already your answer.</source>
            <translation>[Ţĥéé ĺííšţ šţááŕţš ííñ ţĥéé ööŕďééŕ ţĥéé ööþţííööñš ŵééŕéé ŵŕííţţééñ. Ḿööṽéé ííţééḿš, ööŕ çĥööööšéé “Ķééééþ ţĥííš ööŕďééŕ” ííƒ ííţ ííš ááĺŕééááďýý ýýööüüŕ ááñšŵééŕ.]</translation>
        </message>
        <message>
            <source>Correct order:</source>
            <translation>[Çööŕŕééçţ ööŕďééŕ:]</translation>
        </message>
    </context>
    <context>
        <name>PinPrompt</name>
        <message>
            <source>Proctor PIN</source>
            <translation>[Þŕööçţööŕ ÞÍÍÑ]</translation>
        </message>
        <message>
            <source>The proctor PIN, {low} to {high} digits</source>
            <translation>[Ţĥéé þŕööçţööŕ ÞÍÍÑ, {low} ţöö {high} ďííĝííţš]</translation>
        </message>
        <message>
            <source>Repeat the new PIN</source>
            <translation>[Ŕééþééááţ ţĥéé ñééŵ ÞÍÍÑ]</translation>
        </message>
        <message>
            <source>Type the new PIN again to confirm it</source>
            <translation>[Ţýýþéé ţĥéé ñééŵ ÞÍÍÑ ááĝááííñ ţöö çööñƒííŕḿ ííţ]</translation>
        </message>
        <message>
            <source>&amp;PIN:</source>
            <translation>[&amp;ÞÍÍÑ:]</translation>
        </message>
        <message>
            <source>&amp;Repeat PIN:</source>
            <translation>[&amp;Ŕééþééááţ ÞÍÍÑ:]</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>[&amp;ÜÜñĺööçķ]</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>[ÜÜñĺööçķ]</translation>
        </message>
        <message>
            <source>Check the PIN</source>
            <translation>[Çĥééçķ ţĥéé ÞÍÍÑ]</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>[&amp;Çááñçééĺ]</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>[Çááñçééĺ]</translation>
        </message>
        <message>
            <source>Close without unlocking</source>
            <translation>[Çĺööšéé ŵííţĥööüüţ üüñĺööçķííñĝ]</translation>
        </message>
        <message>
            <source>Set the proctor PIN</source>
            <translation>[Šééţ ţĥéé þŕööçţööŕ ÞÍÍÑ]</translation>
        </message>
        <message>
            <source>&amp;Set PIN</source>
            <translation>[&amp;Šééţ ÞÍÍÑ]</translation>
        </message>
        <message>
            <source>Set PIN</source>
            <translation>[Šééţ ÞÍÍÑ]</translation>
        </message>
        <message>
            <source>No PIN is set on this computer yet. Choose one of {low} to {high} digits; it is needed to start, pause and end exams.</source>
            <translation>[Ñöö ÞÍÍÑ ííš šééţ ööñ ţĥííš çööḿþüüţééŕ ýýééţ. Çĥööööšéé ööñéé ööƒ {low} ţöö {high} ďííĝííţš; ííţ ííš ñééééďééď ţöö šţááŕţ, þááüüšéé ááñď ééñď ééẋááḿš.]</translation>
        </message>
        <message>
            <source>You can try the PIN again.</source>
            <translation>[ÝÝööüü çááñ ţŕýý ţĥéé ÞÍÍÑ ááĝááííñ.]</translation>
        </message>
        <message>
            <source>The two PINs differ. Type the same PIN twice.</source>
            <translation>[Ţĥéé ţŵöö ÞÍÍÑš ďííƒƒééŕ. Ţýýþéé ţĥéé šááḿéé ÞÍÍÑ ţŵííçéé.]</translation>
        </message>
        <message numerus="yes">
            <source>Wrong PIN. %n try(s) left before a {seconds}-second lockout.</source>
            <translation>
                <numerusform>[Ŵŕööñĝ ÞÍÍÑ. %n ţŕýý ĺééƒţ ƀééƒööŕéé áá {seconds}-šééçööñď ĺööçķööüüţ.]</numerusform>
                <numerusform>[Ŵŕööñĝ ÞÍÍÑ. %n ţŕííééš ĺééƒţ ƀééƒööŕéé áá {seconds}-šééçööñď ĺööçķööüüţ.]</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong PINs. Try again in %n second(s).</source>
            <translation>
                <numerusform>[Ţöööö ḿááñýý ŵŕööñĝ ÞÍÍÑš. Ţŕýý ááĝááííñ ííñ %n šééçööñď.]</numerusform>
                <numerusform>[Ţöööö ḿááñýý ŵŕööñĝ ÞÍÍÑš. Ţŕýý ááĝááííñ ííñ %n šééçööñďš.]</numerusform>
            </translation>
        </message>
        <message>
            <source>The PIN must be {low} to {high} digits long.</source>
            <translation>[Ţĥéé ÞÍÍÑ ḿüüšţ ƀéé {low} ţöö {high} ďííĝííţš ĺööñĝ.]</translation>
        </message>
    </context>
    <context>
        <name>ProctorPanel</name>
        <message>
            <source>Technical problem</source>
            <translation>[Ţééçĥñííçááĺ þŕööƀĺééḿ]</translation>
        </message>
        <message>
            <source>Candidate unwell</source>
            <translation>[Çááñďííďááţéé üüñŵééĺĺ]</translation>
        </message>
        <message>
            <source>Disruption in the room</source>
            <translation>[Ďííšŕüüþţííööñ ííñ ţĥéé ŕööööḿ]</translation>
        </message>
        <message>
            <source>Suspected misconduct</source>
            <translation>[Šüüšþééçţééď ḿííšçööñďüüçţ]</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>[ÖÖţĥééŕ]</translation>
        </message>
        <message>
            <source>Proctor panel</source>
            <translation>[Þŕööçţööŕ þááñééĺ]</translation>
        </message>
        <message>
            <source>Exam status</source>
            <translation>[ÉÉẋááḿ šţááţüüš]</translation>
        </message>
        <message>
            <source>&amp;Pause exam</source>
            <translation>[&amp;Þááüüšéé ééẋááḿ]</translation>
        </message>
        <message>
            <source>Pause exam</source>
            <translation>[Þááüüšéé ééẋááḿ]</translation>
        </message>
        <message>
            <source>Stop the media and the timer; hide the questions</source>
            <translation>[Šţööþ ţĥéé ḿééďííáá ááñď ţĥéé ţííḿééŕ; ĥííďéé ţĥéé ʠüüééšţííööñš]</translation>
        </message>
        <message>
            <source>&amp;Resume exam</source>
            <translation>[&amp;Ŕééšüüḿéé ééẋááḿ]</translation>
        </message>
        <message>
            <source>Resume exam</source>
            <translation>[Ŕééšüüḿéé ééẋááḿ]</translation>
        </message>
        <message>
            <source>Continue the exam where it stopped</source>
            <translation>[Çööñţííñüüéé ţĥéé ééẋááḿ ŵĥééŕéé ííţ šţööþþééď]</translation>
        </message>
        <message>
            <source>Retry &amp;media</source>
            <translation>[Ŕééţŕýý &amp;ḿééďííáá]</translation>
        </message>
        <message>
            <source>Retry media</source>
            <translation>[Ŕééţŕýý ḿééďííáá]</translation>
        </message>
        <message>
            <source>Load the failed media again and continue</source>
            <translation>[Ĺööááď ţĥéé ƒááííĺééď ḿééďííáá ááĝááííñ ááñď çööñţííñüüéé]</translation>
        </message>
        <message>
            <source> min</source>
            <translation>[ ḿííñ]</translation>
        </message>
        <message>
            <source>Minutes to add</source>
            <translation>[Ḿííñüüţééš ţöö ááďď]</translation>
        </message>
        <message>
            <source>Extra time to grant, in minutes</source>
            <translation>[ÉÉẋţŕáá ţííḿéé ţöö ĝŕááñţ, ííñ ḿííñüüţééš]</translation>
        </message>
        <message>
            <source>&amp;Add time</source>
            <translation>[&amp;ÁÁďď ţííḿéé]</translation>
        </message>
        <message>
            <source>Add time</source>
            <translation>[ÁÁďď ţííḿéé]</translation>
        </message>
        <message>
            <source>Grant the extra minutes to this case</source>
            <translation>[Ĝŕááñţ ţĥéé ééẋţŕáá ḿííñüüţééš ţöö ţĥííš çáášéé]</translation>
        </message>
        <message>
            <source>Incident category</source>
            <translation>[ÍÍñçííďééñţ çááţééĝööŕýý]</translation>
        </message>
        <message>
            <source>What kind of incident to record</source>
            <translation>[Ŵĥááţ ķííñď ööƒ ííñçííďééñţ ţöö ŕééçööŕď]</translation>
        </message>
        <message>
            <source>What happened (no candidate answers)</source>
            <translation>[Ŵĥááţ ĥááþþééñééď (ñöö çááñďííďááţéé ááñšŵééŕš)]</translation>
        </message>
        <message>
            <source>Incident note</source>
            <translation>[ÍÍñçííďééñţ ñööţéé]</translation>
        </message>
        <message>
            <source>A short note describing the incident</source>
            <translation>[ÁÁ šĥööŕţ ñööţéé ďééšçŕííƀííñĝ ţĥéé ííñçííďééñţ]</translation>
        </message>
        <message>
            <source>Record &amp;incident</source>
            <translation>[Ŕééçööŕď &amp;ííñçííďééñţ]</translation>
        </message>
        <message>
            <source>Record incident</source>
            <translation>[Ŕééçööŕď ííñçííďééñţ]</translation>
        </message>
        <message>
            <source>Write the incident into the result file</source>
            <translation>[Ŵŕííţéé ţĥéé ííñçííďééñţ ííñţöö ţĥéé ŕééšüüĺţ ƒííĺéé]</translation>
        </message>
        <message>
            <source>Reason for ending the case</source>
            <translation>[Ŕééáášööñ ƒööŕ ééñďííñĝ ţĥéé çáášéé]</translation>
        </message>
        <message>
            <source>Reason for ending</source>
            <translation>[Ŕééáášööñ ƒööŕ ééñďííñĝ]</translation>
        </message>
        <message>
            <source>Why the case is ended early</source>
            <translation>[Ŵĥýý ţĥéé çáášéé ííš ééñďééď ééááŕĺýý]</translation>
        </message>
        <message>
            <source>&amp;End case now…</source>
            <translation>[&amp;ÉÉñď çáášéé ñööŵ…]</translation>
        </message>
        <message>
            <source>End case</source>
            <translation>[ÉÉñď çáášéé]</translation>
        </message>
        <message>
            <source>End this case now; answers given are kept</source>
            <translation>[ÉÉñď ţĥííš çáášéé ñööŵ; ááñšŵééŕš ĝííṽééñ ááŕéé ķééþţ]</translation>
        </message>
        <message>
            <source>Yes, end the &amp;case</source>
            <translation>[ÝÝééš, ééñď ţĥéé &amp;çáášéé]</translation>
        </message>
        <message>
            <source>Confirm end case</source>
            <translation>[Çööñƒííŕḿ ééñď çáášéé]</translation>
        </message>
        <message>
            <source>End the case now; this cannot be undone</source>
            <translation>[ÉÉñď ţĥéé çáášéé ñööŵ; ţĥííš çááññööţ ƀéé üüñďööñéé]</translation>
        </message>
        <message>
            <source>Actions taken</source>
            <translation>[ÁÁçţííööñš ţááķééñ]</translation>
        </message>
        <message>
            <source>Proctor actions recorded during this exam</source>
            <translation>[Þŕööçţööŕ ááçţííööñš ŕééçööŕďééď ďüüŕííñĝ ţĥííš ééẋááḿ]</translation>
        </message>
        <message>
            <source>Back to the &amp;candidate screen</source>
            <translation>[Ɓááçķ ţöö ţĥéé &amp;çááñďííďááţéé šçŕééééñ]</translation>
        </message>
        <message>
            <source>Close proctor panel</source>
            <translation>[Çĺööšéé þŕööçţööŕ þááñééĺ]</translation>
        </message>
        <message>
            <source>Return to the candidate's screen</source>
            <translation>[Ŕééţüüŕñ ţöö ţĥéé çááñďííďááţéé'š šçŕééééñ]</translation>
        </message>
        <message>
            <source>&amp;Close the exam and lock</source>
            <translation>[&amp;Çĺööšéé ţĥéé ééẋááḿ ááñď ĺööçķ]</translation>
        </message>
        <message>
            <source>Close the exam</source>
            <translation>[Çĺööšéé ţĥéé ééẋááḿ]</translation>
        </message>
        <message>
            <source>Leave this exam (it has ended) and return to the locked start screen</source>
            <translation>[Ĺééááṽéé ţĥííš ééẋááḿ (ííţ ĥááš ééñďééď) ááñď ŕééţüüŕñ ţöö ţĥéé ĺööçķééď šţááŕţ šçŕééééñ]</translation>
        </message>
        <message>
            <source>Exam:</source>
            <translation>[ÉÉẋááḿ:]</translation>
        </message>
        <message>
            <source>Extra &amp;time:</source>
            <translation>[ÉÉẋţŕáá &amp;ţííḿéé:]</translation>
        </message>
        <message>
            <source>I&amp;ncident:</source>
            <translation>[ÍÍ&amp;ñçííďééñţ:]</translation>
        </message>
        <message>
            <source>En&amp;d:</source>
            <translation>[ÉÉñ&amp;ď:]</translation>
        </message>
        <message>
            <source>Recorded in this sitting:</source>
            <translation>[Ŕééçööŕďééď ííñ ţĥííš šííţţííñĝ:]</translation>
        </message>
        <message>
            <source>Candidate {name} ({id}) · case {number} of {count}: {title} · {state} · time left {time_left} · time multiplier {multiplier}</source>
            <translation>[Çááñďííďááţéé {name} ({id}) · çáášéé {number} ööƒ {count}: {title} · {state} · ţííḿéé ĺééƒţ {time_left} · ţííḿéé ḿüüĺţííþĺííééŕ {multiplier}]</translation>
        </message>
        <message>
            <source>not started</source>
            <translation>[ñööţ šţááŕţééď]</translation>
        </message>
        <message>
            <source>playing</source>
            <translation>[þĺááýýííñĝ]</translation>
        </message>
        <message>
            <source>at a question</source>
            <translation>[ááţ áá ʠüüééšţííööñ]</translation>
        </message>
        <message>
            <source>reviewing</source>
            <translation>[ŕééṽííééŵííñĝ]</translation>
        </message>
        <message>
            <source>paused by the proctor</source>
            <translation>[þááüüšééď ƀýý ţĥéé þŕööçţööŕ]</translation>
        </message>
        <message>
            <source>time expired</source>
            <translation>[ţííḿéé ééẋþííŕééď]</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>[ƒííñííšĥééď]</translation>
        </message>
        <message>
            <source>ended early</source>
            <translation>[ééñďééď ééááŕĺýý]</translation>
        </message>
        <message>
            <source>Exam paused.</source>
            <translation>[ÉÉẋááḿ þááüüšééď.]</translation>
        </message>
        <message>
            <source>Exam resumed.</source>
            <translation>[ÉÉẋááḿ ŕééšüüḿééď.]</translation>
        </message>
        <message>
            <source>Media restarted.</source>
            <translation>[Ḿééďííáá ŕééšţááŕţééď.]</translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s) added.</source>
            <translation>
                <numerusform>[%n ḿííñüüţéé ááďďééď.]</numerusform>
                <numerusform>[%n ḿííñüüţééš ááďďééď.]</numerusform>
            </translation>
        </message>
        <message>
            <source>Incident recorded: {category}.</source>
            <translation>[ÍÍñçííďééñţ ŕééçööŕďééď: {category}.]</translation>
        </message>
        <message>
            <source>Case ended.</source>
            <translation>[Çáášéé ééñďééď.]</translation>
        </message>
    </context>
    <context>
        <name>QuestionWidget</name>
        <message>
            <source>Question</source>
            <extracomment>True when the body (an image) should take the spare height; else the key and rationale follow the body directly and the spare height stays at the bottom. Shown under the stem: how to answer, by mouse and by keyboard. The body places the "how to answer" button itself (in a row of its own buttons, which saves a line of height for the image).</extracomment>
            <translation>[Ǫüüééšţííööñ]</translation>
        </message>
        <message>
            <source>Scroll the question</source>
            <translation>[Šçŕööĺĺ ţĥéé ʠüüééšţííööñ]</translation>
        </message>
        <message>
            <source>Shows the rest of the question when it does not fit.</source>
            <translation>[Šĥööŵš ţĥéé ŕééšţ ööƒ ţĥéé ʠüüééšţííööñ ŵĥééñ ííţ ďööééš ñööţ ƒííţ.]</translation>
        </message>
        <message>
            <source>Hide how to answer</source>
            <translation>[Ĥííďéé ĥööŵ ţöö ááñšŵééŕ]</translation>
        </message>
        <message>
            <source>How to answer</source>
            <translation>[Ĥööŵ ţöö ááñšŵééŕ]</translation>
        </message>
        <message>
            <source>Shows or hides how to answer this question by mouse and by keyboard</source>
            <translation>[Šĥööŵš ööŕ ĥííďééš ĥööŵ ţöö ááñšŵééŕ ţĥííš ʠüüééšţííööñ ƀýý ḿööüüšéé ááñď ƀýý ķééýýƀööááŕď]</translation>
        </message>
        <message>
            <source>Answer key</source>
            <translation>[ÁÁñšŵééŕ ķééýý]</translation>
        </message>
        <message>
            <source>Rationale: {text}</source>
            <translation>[Ŕááţííööñááĺéé: {text}]</translation>
        </message>
        <message>
            <source>Rationale</source>
            <translation>[Ŕááţííööñááĺéé]</translation>
        </message>
        <message>
            <source>Show how to answer</source>
            <translation>[Šĥööŵ ĥööŵ ţöö ááñšŵééŕ]</translation>
        </message>
    </context>
    <context>
        <name>TranscriptDrawer</name>
        <message>
            <source>&amp;Transcript</source>
            <translation>[&amp;Ţŕááñšçŕííþţ]</translation>
        </message>
        <message>
            <source>&amp;Follow playback</source>
            <translation>[&amp;Ƒööĺĺööŵ þĺááýýƀááçķ]</translation>
        </message>
        <message>
            <source>Keep the line being spoken in view</source>
            <translation>[Ķééééþ ţĥéé ĺííñéé ƀééííñĝ šþööķééñ ííñ ṽííééŵ]</translation>
        </message>
        <message>
            <source>Transcript</source>
            <translation>[Ţŕááñšçŕííþţ]</translation>
        </message>
        <message>
            <source>Written script of the media being played</source>
            <translation>[Ŵŕííţţééñ šçŕííþţ ööƒ ţĥéé ḿééďííáá ƀééííñĝ þĺááýýééď]</translation>
        </message>
        <message>
            <source>Transcript drawer</source>
            <translation>[Ţŕááñšçŕííþţ ďŕááŵééŕ]</translation>
        </message>
        <message>
            <source>No written script for this item</source>
            <translation>[Ñöö ŵŕííţţééñ šçŕííþţ ƒööŕ ţĥííš ííţééḿ]</translation>
        </message>
        <message>
            <source>Now: {text}</source>
            <translation>[Ñööŵ: {text}]</translation>
        </message>
    </context>
</TS>
