<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>Application</name>
        <message>
            <source>Ultrasound case exam: video, images and questions</source>
            <extracomment>What the application is, for the accessibility tree's root (not the interpreter's path).</extracomment>
            <translation>[ÜÜĺţŕáášööüüñď çáášéé ééẋááḿ: ṽííďééöö, ííḿááĝééš ááñď ʠüüééšţííööñš]</translation>
        </message>
    </context>
    <context>
        <name>BranchGraph</name>
        <message>
            <source>Branch graph</source>
            <translation>[Ɓŕááñçĥ ĝŕááþĥ]</translation>
        </message>
        <message>
            <source>The steps of the case and the branches between them</source>
            <translation>[Ţĥéé šţééþš ööƒ ţĥéé çáášéé ááñď ţĥéé ƀŕááñçĥééš ƀééţŵééééñ ţĥééḿ]</translation>
        </message>
        <message>
            <source>end</source>
            <translation>[ééñď]</translation>
        </message>
    </context>
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
        <name>CandidateHeader</name>
        <message>
            <source>Case</source>
            <translation>[Çáášéé]</translation>
        </message>
        <message>
            <source>Candidate</source>
            <translation>[Çááñďííďááţéé]</translation>
        </message>
        <message>
            <source>Progress through the case</source>
            <translation>[Þŕööĝŕééšš ţĥŕööüüĝĥ ţĥéé çáášéé]</translation>
        </message>
        <message>
            <source>Time left</source>
            <translation>[Ţííḿéé ĺééƒţ]</translation>
        </message>
        <message>
            <source>Time left for these questions</source>
            <translation>[Ţííḿéé ĺééƒţ ƒööŕ ţĥééšéé ʠüüééšţííööñš]</translation>
        </message>
        <message>
            <source>Case {number} of {count}: {title}</source>
            <translation>[Çáášéé {number} ööƒ {count}: {title}]</translation>
        </message>
        <message>
            <source>Practice</source>
            <translation>[Þŕááçţííçéé]</translation>
        </message>
        <message>
            <source>Exam</source>
            <translation>[ÉÉẋááḿ]</translation>
        </message>
        <message>
            <source>{mode} · {name} ({id})</source>
            <translation>[{mode} · {name} ({id})]</translation>
        </message>
        <message>
            <source>Part {part} of {total}</source>
            <translation>[Þááŕţ {part} ööƒ {total}]</translation>
        </message>
        <message numerus="yes">
            <source>%n part(s)</source>
            <translation>
                <numerusform>[%n þááŕţ]</numerusform>
                <numerusform>[%n þááŕţš]</numerusform>
            </translation>
        </message>
        <message>
            <source>Time left {time}</source>
            <translation>[Ţííḿéé ĺééƒţ {time}]</translation>
        </message>
        <message>
            <source>Time left {time} (paused)</source>
            <translation>[Ţííḿéé ĺééƒţ {time} (þááüüšééď)]</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>[Ƒííñííšĥééď]</translation>
        </message>
        <message>
            <source>The time left for this case</source>
            <translation>[Ţĥéé ţííḿéé ĺééƒţ ƒööŕ ţĥííš çáášéé]</translation>
        </message>
        <message>
            <source>These questions: {time}</source>
            <translation>[Ţĥééšéé ʠüüééšţííööñš: {time}]</translation>
        </message>
    </context>
    <context>
        <name>CandidateWindow</name>
        <message>
            <source>pocus-player: exam</source>
            <translation>[þööçüüš-þĺááýýééŕ: ééẋááḿ]</translation>
        </message>
        <message>
            <source>Exam window</source>
            <translation>[ÉÉẋááḿ ŵííñďööŵ]</translation>
        </message>
        <message>
            <source>How this works: the case plays and stops at checkpoints with questions. Answer each question, then Submit; after submitting you cannot go back. Keyboard: Tab moves between controls, Space or Enter presses a button, number keys 1-9 or letters A-E choose an option. Ctrl+T shows the written script. The time left is shown at the top right.</source>
            <translation>[Ĥööŵ ţĥííš ŵööŕķš: ţĥéé çáášéé þĺááýýš ááñď šţööþš ááţ çĥééçķþööííñţš ŵííţĥ ʠüüééšţííööñš. ÁÁñšŵééŕ ééááçĥ ʠüüééšţííööñ, ţĥééñ Šüüƀḿííţ; ááƒţééŕ šüüƀḿííţţííñĝ ýýööüü çááññööţ ĝöö ƀááçķ. Ķééýýƀööááŕď: Ţááƀ ḿööṽééš ƀééţŵééééñ çööñţŕööĺš, Šþááçéé ööŕ ÉÉñţééŕ þŕééššééš áá ƀüüţţööñ, ñüüḿƀééŕ ķééýýš 1-9 ööŕ ĺééţţééŕš ÁÁ-ÉÉ çĥööööšéé ááñ ööþţííööñ. Çţŕĺ+Ţ šĥööŵš ţĥéé ŵŕííţţééñ šçŕííþţ. Ţĥéé ţííḿéé ĺééƒţ ííš šĥööŵñ ááţ ţĥéé ţööþ ŕííĝĥţ.]</translation>
        </message>
        <message>
            <source>&amp;Begin the case</source>
            <translation>[&amp;Ɓééĝííñ ţĥéé çáášéé]</translation>
        </message>
        <message>
            <source>Begin the case</source>
            <translation>[Ɓééĝííñ ţĥéé çáášéé]</translation>
        </message>
        <message>
            <source>Start the case and its timer</source>
            <translation>[Šţááŕţ ţĥéé çáášéé ááñď ííţš ţííḿééŕ]</translation>
        </message>
        <message>
            <source>Exam paused</source>
            <translation>[ÉÉẋááḿ þááüüšééď]</translation>
        </message>
        <message>
            <source>Enter the proctor PIN to open the proctor controls.</source>
            <translation>[ÉÉñţééŕ ţĥéé þŕööçţööŕ ÞÍÍÑ ţöö ööþééñ ţĥéé þŕööçţööŕ çööñţŕööĺš.]</translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>[%n ḿííñüüţéé]</numerusform>
                <numerusform>[%n ḿííñüüţééš]</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{minutes} %n second(s)</source>
            <translation>
                <numerusform>[{minutes} %n šééçööñď]</numerusform>
                <numerusform>[{minutes} %n šééçööñďš]</numerusform>
            </translation>
        </message>
        <message>
            <source>Practice: after each submission you see your score, the answer and why.</source>
            <translation>[Þŕááçţííçéé: ááƒţééŕ ééááçĥ šüüƀḿííššííööñ ýýööüü šéééé ýýööüüŕ šçööŕéé, ţĥéé ááñšŵééŕ ááñď ŵĥýý.]</translation>
        </message>
        <message>
            <source>Exam: your answers are recorded; no score is shown.</source>
            <translation>[ÉÉẋááḿ: ýýööüüŕ ááñšŵééŕš ááŕéé ŕééçööŕďééď; ñöö šçööŕéé ííš šĥööŵñ.]</translation>
        </message>
        <message>
            <source>Time allowed: {allowed}. {mode}</source>
            <translation>[Ţííḿéé ááĺĺööŵééď: {allowed}. {mode}]</translation>
        </message>
        <message>
            <source>Paused by your proctor</source>
            <translation>[Þááüüšééď ƀýý ýýööüüŕ þŕööçţööŕ]</translation>
        </message>
        <message>
            <source>The timer is stopped. Please wait.</source>
            <translation>[Ţĥéé ţííḿééŕ ííš šţööþþééď. Þĺééáášéé ŵááííţ.]</translation>
        </message>
        <message>
            <source>The exam is stopped. Your answers so far are saved.</source>
            <translation>[Ţĥéé ééẋááḿ ííš šţööþþééď. ÝÝööüüŕ ááñšŵééŕš šöö ƒááŕ ááŕéé šááṽééď.]</translation>
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
        <name>CaseOutline</name>
        <message>
            <source>single best answer</source>
            <translation>[šííñĝĺéé ƀééšţ ááñšŵééŕ]</translation>
        </message>
        <message>
            <source>multiple response</source>
            <translation>[ḿüüĺţííþĺéé ŕééšþööñšéé]</translation>
        </message>
        <message>
            <source>ordering</source>
            <translation>[ööŕďééŕííñĝ]</translation>
        </message>
        <message>
            <source>hotspot</source>
            <translation>[ĥööţšþööţ]</translation>
        </message>
        <message>
            <source>caliper</source>
            <translation>[çááĺííþééŕ]</translation>
        </message>
        <message>
            <source>segment</source>
            <translation>[šééĝḿééñţ]</translation>
        </message>
        <message>
            <source>review</source>
            <translation>[ŕééṽííééŵ]</translation>
        </message>
        <message>
            <source>questions</source>
            <translation>[ʠüüééšţííööñš]</translation>
        </message>
        <message>
            <source>frame {frame}</source>
            <translation>[ƒŕááḿéé {frame}]</translation>
        </message>
        <message>
            <source>otherwise</source>
            <translation>[ööţĥééŕŵííšéé]</translation>
        </message>
        <message>
            <source>Case outline</source>
            <translation>[Çáášéé ööüüţĺííñéé]</translation>
        </message>
        <message>
            <source>Seen</source>
            <translation>[Šééééñ]</translation>
        </message>
        <message>
            <source>Steps, checkpoints, questions and branches of the case; press Enter to go there</source>
            <translation>[Šţééþš, çĥééçķþööííñţš, ʠüüééšţííööñš ááñď ƀŕááñçĥééš ööƒ ţĥéé çáášéé; þŕééšš ÉÉñţééŕ ţöö ĝöö ţĥééŕéé]</translation>
        </message>
        <message>
            <source>{question} · {kind} · {points} pt · {stem}</source>
            <translation>[{question} · {kind} · {points} þţ · {stem}]</translation>
        </message>
        <message>
            <source> · plays {media}</source>
            <translation>[ · þĺááýýš {media}]</translation>
        </message>
        <message>
            <source> · clips {media}</source>
            <translation>[ · çĺííþš {media}]</translation>
        </message>
        <message>
            <source> · image {media}</source>
            <translation>[ · ííḿááĝéé {media}]</translation>
        </message>
        <message>
            <source>{checkpoint} at {time}</source>
            <translation>[{checkpoint} ááţ {time}]</translation>
        </message>
        <message>
            <source>checkpoint {checkpoint} at {time}</source>
            <translation>[çĥééçķþööííñţ {checkpoint} ááţ {time}]</translation>
        </message>
        <message>
            <source>the end</source>
            <translation>[ţĥéé ééñď]</translation>
        </message>
        <message>
            <source>seen</source>
            <translation>[šééééñ]</translation>
        </message>
        <message>
            <source>not seen</source>
            <translation>[ñööţ šééééñ]</translation>
        </message>
    </context>
    <context>
        <name>CasePanel</name>
        <message>
            <source>Outline</source>
            <translation>[ÖÖüüţĺííñéé]</translation>
        </message>
        <message>
            <source>Branches</source>
            <translation>[Ɓŕááñçĥééš]</translation>
        </message>
        <message>
            <source>Coverage</source>
            <translation>[Çööṽééŕááĝéé]</translation>
        </message>
    </context>
    <context>
        <name>CheckpointPanel</name>
        <message>
            <source>Checkpoint title</source>
            <translation>[Çĥééçķþööííñţ ţííţĺéé]</translation>
        </message>
        <message>
            <source>&amp;Previous question</source>
            <translation>[&amp;Þŕééṽííööüüš ʠüüééšţííööñ]</translation>
        </message>
        <message>
            <source>Previous question</source>
            <translation>[Þŕééṽííööüüš ʠüüééšţííööñ]</translation>
        </message>
        <message>
            <source>Go back to the previous question</source>
            <translation>[Ĝöö ƀááçķ ţöö ţĥéé þŕééṽííööüüš ʠüüééšţííööñ]</translation>
        </message>
        <message>
            <source>&amp;Next question</source>
            <translation>[&amp;Ñééẋţ ʠüüééšţííööñ]</translation>
        </message>
        <message>
            <source>Next question</source>
            <translation>[Ñééẋţ ʠüüééšţííööñ]</translation>
        </message>
        <message>
            <source>Go on to the next question of this checkpoint</source>
            <translation>[Ĝöö ööñ ţöö ţĥéé ñééẋţ ʠüüééšţííööñ ööƒ ţĥííš çĥééçķþööííñţ]</translation>
        </message>
        <message>
            <source>&amp;Submit answers</source>
            <translation>[&amp;Šüüƀḿííţ ááñšŵééŕš]</translation>
        </message>
        <message>
            <source>Submit answers</source>
            <translation>[Šüüƀḿííţ ááñšŵééŕš]</translation>
        </message>
        <message>
            <source>Submit the answers of this checkpoint; you will be asked to confirm</source>
            <translation>[Šüüƀḿííţ ţĥéé ááñšŵééŕš ööƒ ţĥííš çĥééçķþööííñţ; ýýööüü ŵííĺĺ ƀéé áášķééď ţöö çööñƒííŕḿ]</translation>
        </message>
        <message>
            <source>&amp;Yes, submit</source>
            <translation>[&amp;ÝÝééš, šüüƀḿííţ]</translation>
        </message>
        <message>
            <source>Yes, submit</source>
            <translation>[ÝÝééš, šüüƀḿííţ]</translation>
        </message>
        <message>
            <source>Submit now; you cannot change these answers later</source>
            <translation>[Šüüƀḿííţ ñööŵ; ýýööüü çááññööţ çĥááñĝéé ţĥééšéé ááñšŵééŕš ĺááţééŕ]</translation>
        </message>
        <message>
            <source>No, keep &amp;working</source>
            <translation>[Ñöö, ķééééþ &amp;ŵööŕķííñĝ]</translation>
        </message>
        <message>
            <source>No, keep working</source>
            <translation>[Ñöö, ķééééþ ŵööŕķííñĝ]</translation>
        </message>
        <message>
            <source>Go back to the questions without submitting</source>
            <translation>[Ĝöö ƀááçķ ţöö ţĥéé ʠüüééšţííööñš ŵííţĥööüüţ šüüƀḿííţţííñĝ]</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>[Ǫüüééšţííööñš]</translation>
        </message>
        <message>
            <source>Play clip {title}</source>
            <translation>[Þĺááýý çĺííþ {title}]</translation>
        </message>
        <message>
            <source>Play the clip '{title}' again</source>
            <translation>[Þĺááýý ţĥéé çĺííþ '{title}' ááĝááííñ]</translation>
        </message>
        <message>
            <source>Play clip</source>
            <translation>[Þĺááýý çĺííþ]</translation>
        </message>
        <message>
            <source>Play the clip '{title}'</source>
            <translation>[Þĺááýý ţĥéé çĺííþ '{title}']</translation>
        </message>
        <message>
            <source>Replay clip</source>
            <translation>[Ŕééþĺááýý çĺííþ]</translation>
        </message>
        <message>
            <source>Replay the clip '{title}'</source>
            <translation>[Ŕééþĺááýý ţĥéé çĺííþ '{title}']</translation>
        </message>
        <message>
            <source>No replays left</source>
            <translation>[Ñöö ŕééþĺááýýš ĺééƒţ]</translation>
        </message>
        <message>
            <source>This clip cannot be replayed again</source>
            <translation>[Ţĥííš çĺííþ çááññööţ ƀéé ŕééþĺááýýééď ááĝááííñ]</translation>
        </message>
        <message numerus="yes">
            <source>Replay clip (%n replay(s) left)</source>
            <translation>
                <numerusform>[Ŕééþĺááýý çĺííþ (%n ŕééþĺááýý ĺééƒţ)]</numerusform>
                <numerusform>[Ŕééþĺááýý çĺííþ (%n ŕééþĺááýýš ĺééƒţ)]</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Replay the clip '{title}'; %n replay(s) left</source>
            <translation>
                <numerusform>[Ŕééþĺááýý ţĥéé çĺííþ '{title}'; %n ŕééþĺááýý ĺééƒţ]</numerusform>
                <numerusform>[Ŕééþĺááýý ţĥéé çĺííþ '{title}'; %n ŕééþĺááýýš ĺééƒţ]</numerusform>
            </translation>
        </message>
        <message>
            <source>Question {number} of {count}</source>
            <translation>[Ǫüüééšţííööñ {number} ööƒ {count}]</translation>
        </message>
        <message numerus="yes">
            <source>%n question(s) not answered. Submit anyway?</source>
            <translation>
                <numerusform>[%n ʠüüééšţííööñ ííš ñööţ ááñšŵééŕééď. Šüüƀḿííţ ááñýýŵááýý?]</numerusform>
                <numerusform>[%n ʠüüééšţííööñš ááŕéé ñööţ ááñšŵééŕééď. Šüüƀḿííţ ááñýýŵááýý?]</numerusform>
            </translation>
        </message>
        <message>
            <source>Submit your answers?</source>
            <translation>[Šüüƀḿííţ ýýööüüŕ ááñšŵééŕš?]</translation>
        </message>
        <message>
            <source>You cannot go back to them after submitting.</source>
            <translation>[ÝÝööüü çááññööţ ĝöö ƀááçķ ţöö ţĥééḿ ááƒţééŕ šüüƀḿííţţííñĝ.]</translation>
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
        <name>CoverageView</name>
        <message>
            <source>Steps: {done} of {total}</source>
            <translation>[Šţééþš: {done} ööƒ {total}]</translation>
        </message>
        <message>
            <source>Checkpoints: {done} of {total}</source>
            <translation>[Çĥééçķþööííñţš: {done} ööƒ {total}]</translation>
        </message>
        <message>
            <source>Questions: {done} of {total}</source>
            <translation>[Ǫüüééšţííööñš: {done} ööƒ {total}]</translation>
        </message>
        <message>
            <source>Branches: {done} of {total}</source>
            <translation>[Ɓŕááñçĥééš: {done} ööƒ {total}]</translation>
        </message>
        <message>
            <source>Not visited yet:</source>
            <translation>[Ñööţ ṽííšííţééď ýýééţ:]</translation>
        </message>
        <message>
            <source>Not visited yet</source>
            <translation>[Ñööţ ṽííšííţééď ýýééţ]</translation>
        </message>
        <message>
            <source>step {step}</source>
            <translation>[šţééþ {step}]</translation>
        </message>
        <message>
            <source>the end</source>
            <translation>[ţĥéé ééñď]</translation>
        </message>
        <message>
            <source>branch {source} → {target}</source>
            <translation>[ƀŕááñçĥ {source} → {target}]</translation>
        </message>
        <message>
            <source>question {question}</source>
            <translation>[ʠüüééšţííööñ {question}]</translation>
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
        <name>EncounterPage</name>
        <message>
            <source>Captions: on</source>
            <translation>[Çááþţííööñš: ööñ]</translation>
        </message>
        <message>
            <source>Captions</source>
            <translation>[Çááþţííööñš]</translation>
        </message>
        <message>
            <source>Show or hide the captions over the media</source>
            <translation>[Šĥööŵ ööŕ ĥííďéé ţĥéé çááþţííööñš ööṽééŕ ţĥéé ḿééďííáá]</translation>
        </message>
        <message>
            <source>Show written script (Ctrl+T)</source>
            <translation>[Šĥööŵ ŵŕííţţééñ šçŕííþţ (Çţŕĺ+Ţ)]</translation>
        </message>
        <message>
            <source>Written script</source>
            <translation>[Ŵŕííţţééñ šçŕííþţ]</translation>
        </message>
        <message>
            <source>Show or hide the full written script of the media</source>
            <translation>[Šĥööŵ ööŕ ĥííďéé ţĥéé ƒüüĺĺ ŵŕííţţééñ šçŕííþţ ööƒ ţĥéé ḿééďííáá]</translation>
        </message>
        <message>
            <source>Hide written script (Ctrl+T)</source>
            <translation>[Ĥííďéé ŵŕííţţééñ šçŕííþţ (Çţŕĺ+Ţ)]</translation>
        </message>
        <message>
            <source>Captions: off</source>
            <translation>[Çááþţííööñš: ööƒƒ]</translation>
        </message>
        <message>
            <source>The clips play here. Choose “Play clip” beside the questions.</source>
            <translation>[Ţĥéé çĺííþš þĺááýý ĥééŕéé. Çĥööööšéé “Þĺááýý çĺííþ” ƀééšííďéé ţĥéé ʠüüééšţííööñš.]</translation>
        </message>
        <message>
            <source>Play the clips with the buttons beside the questions.</source>
            <translation>[Þĺááýý ţĥéé çĺííþš ŵííţĥ ţĥéé ƀüüţţööñš ƀééšííďéé ţĥéé ʠüüééšţííööñš.]</translation>
        </message>
    </context>
    <context>
        <name>EndScreen</name>
        <message>
            <source>The time ran out; the answers given were recorded.</source>
            <translation>[Ţĥéé ţííḿéé ŕááñ ööüüţ; ţĥéé ááñšŵééŕš ĝííṽééñ ŵééŕéé ŕééçööŕďééď.]</translation>
        </message>
        <message>
            <source>The proctor ended the case; the answers given were recorded.</source>
            <translation>[Ţĥéé þŕööçţööŕ ééñďééď ţĥéé çáášéé; ţĥéé ááñšŵééŕš ĝííṽééñ ŵééŕéé ŕééçööŕďééď.]</translation>
        </message>
        <message>
            <source>The case was stopped because of a technical problem; the answers given were recorded.</source>
            <translation>[Ţĥéé çáášéé ŵááš šţööþþééď ƀééçááüüšéé ööƒ áá ţééçĥñííçááĺ þŕööƀĺééḿ; ţĥéé ááñšŵééŕš ĝííṽééñ ŵééŕéé ŕééçööŕďééď.]</translation>
        </message>
        <message>
            <source>Receipt code</source>
            <translation>[Ŕééçééííþţ çööďéé]</translation>
        </message>
        <message>
            <source>Go on to the &amp;next case</source>
            <translation>[Ĝöö ööñ ţöö ţĥéé &amp;ñééẋţ çáášéé]</translation>
        </message>
        <message>
            <source>Next case</source>
            <translation>[Ñééẋţ çáášéé]</translation>
        </message>
        <message>
            <source>Start the instructions of the next case</source>
            <translation>[Šţááŕţ ţĥéé ííñšţŕüüçţííööñš ööƒ ţĥéé ñééẋţ çáášéé]</translation>
        </message>
        <message>
            <source>Case complete</source>
            <translation>[Çáášéé çööḿþĺééţéé]</translation>
        </message>
        <message>
            <source>Exam complete</source>
            <translation>[ÉÉẋááḿ çööḿþĺééţéé]</translation>
        </message>
        <message>
            <source>Practice complete</source>
            <translation>[Þŕááçţííçéé çööḿþĺééţéé]</translation>
        </message>
        <message>
            <source>Your answers are saved and encrypted. Please note your receipt code and give it to your proctor.</source>
            <translation>[ÝÝööüüŕ ááñšŵééŕš ááŕéé šááṽééď ááñď ééñçŕýýþţééď. Þĺééáášéé ñööţéé ýýööüüŕ ŕééçééííþţ çööďéé ááñď ĝííṽéé ííţ ţöö ýýööüüŕ þŕööçţööŕ.]</translation>
        </message>
        <message>
            <source>The case has ended.</source>
            <translation>[Ţĥéé çáášéé ĥááš ééñďééď.]</translation>
        </message>
        <message numerus="yes">
            <source>%n case(s) remain in this exam.</source>
            <translation>
                <numerusform>[%n çáášéé ŕééḿááííñš ííñ ţĥííš ééẋááḿ.]</numerusform>
                <numerusform>[%n çáášééš ŕééḿááííñ ííñ ţĥííš ééẋááḿ.]</numerusform>
            </translation>
        </message>
        <message>
            <source>Receipt codes of this exam:</source>
            <translation>[Ŕééçééííþţ çööďééš ööƒ ţĥííš ééẋááḿ:]</translation>
        </message>
        <message>
            <source>Score: &lt;b&gt;{points} of {max_points}&lt;/b&gt; points ({percent}); pass mark {pass_mark}: {verdict}.</source>
            <translation>[Šçööŕéé: &lt;b&gt;{points} ööƒ {max_points}&lt;/b&gt; þööííñţš ({percent}); þáášš ḿááŕķ {pass_mark}: {verdict}.]</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>[þááššééď]</translation>
        </message>
        <message>
            <source>not passed</source>
            <translation>[ñööţ þááššééď]</translation>
        </message>
        <message>
            <source>{value}%</source>
            <translation>[{value}%]</translation>
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
        <name>ExamChecks</name>
        <message>
            <source>{problems}; and {more} more</source>
            <translation>[{problems}; ááñď {more} ḿööŕéé]</translation>
        </message>
        <message>
            <source>fails validation: {problems}</source>
            <translation>[ƒááííĺš ṽááĺííďááţííööñ: {problems}]</translation>
        </message>
        <message>
            <source>cannot be read ({error})</source>
            <translation>[çááññööţ ƀéé ŕééááď ({error})]</translation>
        </message>
        <message>
            <source>valid ({title})</source>
            <translation>[ṽááĺííď ({title})]</translation>
        </message>
        <message>
            <source>decodes ({what})</source>
            <translation>[ďééçööďééš ({what})]</translation>
        </message>
        <message>
            <source>Case {case}</source>
            <translation>[Çáášéé {case}]</translation>
        </message>
        <message>
            <source>Media {file}</source>
            <translation>[Ḿééďííáá {file}]</translation>
        </message>
        <message>
            <source>audio</source>
            <translation>[ááüüďííöö]</translation>
        </message>
        <message>
            <source>image</source>
            <translation>[ííḿááĝéé]</translation>
        </message>
        <message>
            <source>{what}, {seconds} s</source>
            <translation>[{what}, {seconds} š]</translation>
        </message>
    </context>
    <context>
        <name>ExamController</name>
        <message>
            <source>Please call your proctor.</source>
            <translation>[Þĺééáášéé çááĺĺ ýýööüüŕ þŕööçţööŕ.]</translation>
        </message>
        <message>
            <source>The answers could not be saved ({error}). Answers submitted earlier are safe. Fix the results folder (space, permissions), then restart the app: the exam resumes at the last saved checkpoint.</source>
            <translation>[Ţĥéé ááñšŵééŕš çööüüĺď ñööţ ƀéé šááṽééď ({error}). ÁÁñšŵééŕš šüüƀḿííţţééď ééááŕĺííééŕ ááŕéé šááƒéé. Ƒííẋ ţĥéé ŕééšüüĺţš ƒööĺďééŕ (šþááçéé, þééŕḿííššííööñš), ţĥééñ ŕééšţááŕţ ţĥéé ááþþ: ţĥéé ééẋááḿ ŕééšüüḿééš ááţ ţĥéé ĺáášţ šááṽééď çĥééçķþööííñţ.]</translation>
        </message>
        <message>
            <source>No replays left for {title}.</source>
            <translation>[Ñöö ŕééþĺááýýš ĺééƒţ ƒööŕ {title}.]</translation>
        </message>
        <message>
            <source>The result file cannot be written: {error}</source>
            <translation>[Ţĥéé ŕééšüüĺţ ƒííĺéé çááññööţ ƀéé ŵŕííţţééñ: {error}]</translation>
        </message>
        <message>
            <source>{what} could not be recorded: {error}</source>
            <translation>[{what} çööüüĺď ñööţ ƀéé ŕééçööŕďééď: {error}]</translation>
        </message>
        <message>
            <source>{what} is not possible now: {error}</source>
            <translation>[{what} ííš ñööţ þööššííƀĺéé ñööŵ: {error}]</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>[Þááüüšéé]</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>[Ŕééšüüḿéé]</translation>
        </message>
        <message>
            <source>Adding time</source>
            <translation>[ÁÁďďííñĝ ţííḿéé]</translation>
        </message>
        <message>
            <source>Recording an incident</source>
            <translation>[Ŕééçööŕďííñĝ ááñ ííñçííďééñţ]</translation>
        </message>
        <message>
            <source>Ending the case</source>
            <translation>[ÉÉñďííñĝ ţĥéé çáášéé]</translation>
        </message>
        <message>
            <source>The media cannot be restarted: {error}</source>
            <translation>[Ţĥéé ḿééďííáá çááññööţ ƀéé ŕééšţááŕţééď: {error}]</translation>
        </message>
    </context>
    <context>
        <name>ExamSitting</name>
        <message>
            <source>The result file cannot be created: {error}</source>
            <translation>[Ţĥéé ŕééšüüĺţ ƒííĺéé çááññööţ ƀéé çŕééááţééď: {error}]</translation>
        </message>
        <message>
            <source>The case cannot start: {error}</source>
            <translation>[Ţĥéé çáášéé çááññööţ šţááŕţ: {error}]</translation>
        </message>
        <message>
            <source>This exam is already open in another window of the app.</source>
            <translation>[Ţĥííš ééẋááḿ ííš ááĺŕééááďýý ööþééñ ííñ ááñööţĥééŕ ŵííñďööŵ ööƒ ţĥéé ááþþ.]</translation>
        </message>
        <message>
            <source>The unfinished exam cannot be reopened: {error}</source>
            <translation>[Ţĥéé üüñƒííñííšĥééď ééẋááḿ çááññööţ ƀéé ŕééööþééñééď: {error}]</translation>
        </message>
        <message>
            <source>The unfinished exam holds no saved state to resume from.</source>
            <translation>[Ţĥéé üüñƒííñííšĥééď ééẋááḿ ĥööĺďš ñöö šááṽééď šţááţéé ţöö ŕééšüüḿéé ƒŕööḿ.]</translation>
        </message>
        <message>
            <source>The unfinished exam cannot be resumed: {error}</source>
            <translation>[Ţĥéé üüñƒííñííšĥééď ééẋááḿ çááññööţ ƀéé ŕééšüüḿééď: {error}]</translation>
        </message>
    </context>
    <context>
        <name>ExamTicker</name>
        <message>
            <source>The result file cannot be written: {error}</source>
            <translation>[Ţĥéé ŕééšüüĺţ ƒííĺéé çááññööţ ƀéé ŵŕííţţééñ: {error}]</translation>
        </message>
    </context>
    <context>
        <name>FeedbackPanel</name>
        <message>
            <source>Feedback</source>
            <translation>[Ƒééééďƀááçķ]</translation>
        </message>
        <message>
            <source>Feedback, scrolls with the arrow keys</source>
            <translation>[Ƒééééďƀááçķ, šçŕööĺĺš ŵííţĥ ţĥéé ááŕŕööŵ ķééýýš]</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>[&amp;Çööñţííñüüéé]</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>[Çööñţííñüüéé]</translation>
        </message>
        <message>
            <source>Go on with the case</source>
            <translation>[Ĝöö ööñ ŵííţĥ ţĥéé çáášéé]</translation>
        </message>
        <message>
            <source>Correct</source>
            <translation>[Çööŕŕééçţ]</translation>
        </message>
        <message>
            <source>Partly correct</source>
            <translation>[Þááŕţĺýý çööŕŕééçţ]</translation>
        </message>
        <message>
            <source>Not correct</source>
            <translation>[Ñööţ çööŕŕééçţ]</translation>
        </message>
        <message>
            <source>{verdict}: {points} of {max_points} points</source>
            <translation>[{verdict}: {points} ööƒ {max_points} þööííñţš]</translation>
        </message>
        <message>
            <source>Your answer: {answer}</source>
            <translation>[ÝÝööüüŕ ááñšŵééŕ: {answer}]</translation>
        </message>
        <message>
            <source>Answer: {answer}</source>
            <translation>[ÁÁñšŵééŕ: {answer}]</translation>
        </message>
    </context>
    <context>
        <name>FollowBar</name>
        <message>
            <source>Skip to checkpoint</source>
            <translation>[Šķííþ ţöö çĥééçķþööííñţ]</translation>
        </message>
        <message>
            <source>Branch to take</source>
            <translation>[Ɓŕááñçĥ ţöö ţááķéé]</translation>
        </message>
        <message>
            <source>Take branch</source>
            <translation>[Ţááķéé ƀŕááñçĥ]</translation>
        </message>
        <message>
            <source>Fill in answers that lead along the chosen branch</source>
            <translation>[Ƒííĺĺ ííñ ááñšŵééŕš ţĥááţ ĺééááď ááĺööñĝ ţĥéé çĥööšééñ ƀŕááñçĥ]</translation>
        </message>
        <message>
            <source>the end</source>
            <translation>[ţĥéé ééñď]</translation>
        </message>
        <message>
            <source>→ {step}: {label}</source>
            <translation>[→ {step}: {label}]</translation>
        </message>
        <message>
            <source>{choice} (the answers now lead here)</source>
            <translation>[{choice} (ţĥéé ááñšŵééŕš ñööŵ ĺééááď ĥééŕéé)]</translation>
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
        <name>MediaArea</name>
        <message>
            <source>Media</source>
            <translation>[Ḿééďííáá]</translation>
        </message>
        <message>
            <source>The case video, ultrasound clip or image</source>
            <translation>[Ţĥéé çáášéé ṽííďééöö, üüĺţŕáášööüüñď çĺííþ ööŕ ííḿááĝéé]</translation>
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
            <source>Drag to reorder</source>
            <translation>[Ďŕááĝ ţöö ŕééööŕďééŕ]</translation>
        </message>
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
        <name>PackageUnlock</name>
        <message>
            <source>Package {name}</source>
            <translation>[Þááçķááĝéé {name}]</translation>
        </message>
        <message>
            <source>Type the package passphrase on the set-up page (Back to set-up).</source>
            <translation>[Ţýýþéé ţĥéé þááçķááĝéé þááššþĥŕáášéé ööñ ţĥéé šééţ-üüþ þááĝéé (Ɓááçķ ţöö šééţ-üüþ).]</translation>
        </message>
        <message>
            <source>its keys are withheld by the board: it cannot run in practice mode</source>
            <translation>[ííţš ķééýýš ááŕéé ŵííţĥĥééĺď ƀýý ţĥéé ƀööááŕď: ííţ çááññööţ ŕüüñ ííñ þŕááçţííçéé ḿööďéé]</translation>
        </message>
        <message>
            <source>unlocked ({title})</source>
            <translation>[üüñĺööçķééď ({title})]</translation>
        </message>
        <message>
            <source>Center key</source>
            <translation>[Çééñţééŕ ķééýý]</translation>
        </message>
        <message>
            <source> (DEMO signing key: proves nothing)</source>
            <translation>[ (ĎÉÉḾÖÖ šííĝñííñĝ ķééýý: þŕööṽééš ñööţĥííñĝ)]</translation>
        </message>
        <message>
            <source>; valid until {date}</source>
            <translation>[; ṽááĺííď üüñţííĺ {date}]</translation>
        </message>
        <message>
            <source>; keys withheld (scored by the board)</source>
            <translation>[; ķééýýš ŵííţĥĥééĺď (šçööŕééď ƀýý ţĥéé ƀööááŕď)]</translation>
        </message>
        <message>
            <source>the package holds no {file}</source>
            <translation>[ţĥéé þááçķááĝéé ĥööĺďš ñöö {file}]</translation>
        </message>
        <message>
            <source>decrypts, but does not decode from memory: {error}</source>
            <translation>[ďééçŕýýþţš, ƀüüţ ďööééš ñööţ ďééçööďéé ƒŕööḿ ḿééḿööŕýý: {error}]</translation>
        </message>
        <message>
            <source>decrypts and decodes in memory ({what})</source>
            <translation>[ďééçŕýýþţš ááñď ďééçööďééš ííñ ḿééḿööŕýý ({what})]</translation>
        </message>
        <message>
            <source>decrypts in memory and matches ({what})</source>
            <translation>[ďééçŕýýþţš ííñ ḿééḿööŕýý ááñď ḿááţçĥééš ({what})]</translation>
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
        <name>PreflightPage</name>
        <message>
            <source>Preflight checks</source>
            <translation>[Þŕééƒĺííĝĥţ çĥééçķš]</translation>
        </message>
        <message>
            <source>Preflight results</source>
            <translation>[Þŕééƒĺííĝĥţ ŕééšüüĺţš]</translation>
        </message>
        <message>
            <source>One line per check, marked passed or failed</source>
            <translation>[ÖÖñéé ĺííñéé þééŕ çĥééçķ, ḿááŕķééď þááššééď ööŕ ƒááííĺééď]</translation>
        </message>
        <message>
            <source>&amp;Start the exam</source>
            <translation>[&amp;Šţááŕţ ţĥéé ééẋááḿ]</translation>
        </message>
        <message>
            <source>Start exam</source>
            <translation>[Šţááŕţ ééẋááḿ]</translation>
        </message>
        <message>
            <source>Hand over to the candidate: the instructions of the first case appear</source>
            <translation>[Ĥááñď ööṽééŕ ţöö ţĥéé çááñďííďááţéé: ţĥéé ííñšţŕüüçţííööñš ööƒ ţĥéé ƒííŕšţ çáášéé ááþþééááŕ]</translation>
        </message>
        <message>
            <source>&amp;Run the checks again</source>
            <translation>[&amp;Ŕüüñ ţĥéé çĥééçķš ááĝááííñ]</translation>
        </message>
        <message>
            <source>Run checks again</source>
            <translation>[Ŕüüñ çĥééçķš ááĝááííñ]</translation>
        </message>
        <message>
            <source>Repeat the preflight checks</source>
            <translation>[Ŕééþééááţ ţĥéé þŕééƒĺííĝĥţ çĥééçķš]</translation>
        </message>
        <message>
            <source>&amp;Back to set-up</source>
            <translation>[&amp;Ɓááçķ ţöö šééţ-üüþ]</translation>
        </message>
        <message>
            <source>Back to set-up</source>
            <translation>[Ɓááçķ ţöö šééţ-üüþ]</translation>
        </message>
        <message>
            <source>Change the exam or the candidate</source>
            <translation>[Çĥááñĝéé ţĥéé ééẋááḿ ööŕ ţĥéé çááñďííďááţéé]</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>[Çĥééçķííñĝ…]</translation>
        </message>
        <message>
            <source>FAILED</source>
            <translation>[ƑÁÁÍÍĹÉÉĎ]</translation>
        </message>
        <message>
            <source>CHECK</source>
            <translation>[ÇĤÉÉÇĶ]</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>[ÖÖĶ]</translation>
        </message>
        <message>
            <source>{mark} · {check}: {detail}</source>
            <translation>[{mark} · {check}: {detail}]</translation>
        </message>
        <message>
            <source>{check}: {mark}. {detail}</source>
            <translation>[{check}: {mark}. {detail}]</translation>
        </message>
        <message numerus="yes">
            <source>%n check(s) failed. Fix them (see the lines marked {failed}) and run the checks again; the exam cannot start until every check passes.</source>
            <translation>
                <numerusform>[%n çĥééçķ(š) ƒááííĺééď. Ƒííẋ ţĥééḿ (šéééé ţĥéé ĺííñééš ḿááŕķééď {failed}) ááñď ŕüüñ ţĥéé çĥééçķš ááĝááííñ; ţĥéé ééẋááḿ çááññööţ šţááŕţ üüñţííĺ ééṽééŕýý çĥééçķ þááššééš.]</numerusform>
                <numerusform>[%n çĥééçķ(š) ƒááííĺééď. Ƒííẋ ţĥééḿ (šéééé ţĥéé ĺííñééš ḿááŕķééď {failed}) ááñď ŕüüñ ţĥéé çĥééçķš ááĝááííñ; ţĥéé ééẋááḿ çááññööţ šţááŕţ üüñţííĺ ééṽééŕýý çĥééçķ þááššééš.]</numerusform>
            </translation>
        </message>
        <message>
            <source>All checks passed. Play the test tone and confirm the candidate heard it.</source>
            <translation>[ÁÁĺĺ çĥééçķš þááššééď. Þĺááýý ţĥéé ţééšţ ţööñéé ááñď çööñƒííŕḿ ţĥéé çááñďííďááţéé ĥééááŕď ííţ.]</translation>
        </message>
    </context>
    <context>
        <name>PreviewFollow</name>
        <message>
            <source>following stopped</source>
            <translation>[ƒööĺĺööŵííñĝ šţööþþééď]</translation>
        </message>
        <message>
            <source>Submit</source>
            <translation>[Šüüƀḿííţ]</translation>
        </message>
        <message>
            <source>Check answer</source>
            <translation>[Çĥééçķ ááñšŵééŕ]</translation>
        </message>
        <message>
            <source>Skip to checkpoint</source>
            <translation>[Šķííþ ţöö çĥééçķþööííñţ]</translation>
        </message>
        <message>
            <source>Skip to the end</source>
            <translation>[Šķííþ ţöö ţĥéé ééñď]</translation>
        </message>
        <message>
            <source>playing {media} to checkpoint {checkpoint}</source>
            <translation>[þĺááýýííñĝ {media} ţöö çĥééçķþööííñţ {checkpoint}]</translation>
        </message>
        <message>
            <source>playing {media} to its end</source>
            <translation>[þĺááýýííñĝ {media} ţöö ííţš ééñď]</translation>
        </message>
        <message>
            <source>Step {step}: {where}.</source>
            <translation>[Šţééþ {step}: {where}.]</translation>
        </message>
        <message numerus="yes">
            <source>Step {step}: answer %n question(s), then Submit.</source>
            <translation>
                <numerusform>[Šţééþ {step}: ááñšŵééŕ %n ʠüüééšţííööñ, ţĥééñ Šüüƀḿííţ.]</numerusform>
                <numerusform>[Šţééþ {step}: ááñšŵééŕ %n ʠüüééšţííööñš, ţĥééñ Šüüƀḿííţ.]</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot submit: {error}</source>
            <translation>[Çááññööţ šüüƀḿííţ: {error}]</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>[Çööñţííñüüéé]</translation>
        </message>
        <message>
            <source>No answers to this checkpoint lead to {step}: it depends on earlier answers or state.</source>
            <translation>[Ñöö ááñšŵééŕš ţöö ţĥííš çĥééçķþööííñţ ĺééááď ţöö {step}: ííţ ďééþééñďš ööñ ééááŕĺííééŕ ááñšŵééŕš ööŕ šţááţéé.]</translation>
        </message>
        <message>
            <source>Answers filled in to take the branch to {step}; press Submit.</source>
            <translation>[ÁÁñšŵééŕš ƒííĺĺééď ííñ ţöö ţááķéé ţĥéé ƀŕááñçĥ ţöö {step}; þŕééšš Šüüƀḿííţ.]</translation>
        </message>
    </context>
    <context>
        <name>PreviewPlayer</name>
        <message>
            <source>Media: {problem}</source>
            <translation>[Ḿééďííáá: {problem}]</translation>
        </message>
        <message>
            <source>still image</source>
            <translation>[šţííĺĺ ííḿááĝéé]</translation>
        </message>
        <message>
            <source>frame {frame}/{last}</source>
            <translation>[ƒŕááḿéé {frame}/{last}]</translation>
        </message>
    </context>
    <context>
        <name>PreviewStage</name>
        <message>
            <source>checkpoint {checkpoint} at {time}</source>
            <translation>[çĥééçķþööííñţ {checkpoint} ááţ {time}]</translation>
        </message>
    </context>
    <context>
        <name>PreviewToolbar</name>
        <message>
            <source>Preview</source>
            <translation>[Þŕééṽííééŵ]</translation>
        </message>
        <message>
            <source>Show key</source>
            <translation>[Šĥööŵ ķééýý]</translation>
        </message>
        <message>
            <source>Mark the correct answers and show the rationale (Ctrl+K)</source>
            <translation>[Ḿááŕķ ţĥéé çööŕŕééçţ ááñšŵééŕš ááñď šĥööŵ ţĥéé ŕááţííööñááĺéé (Çţŕĺ+Ķ)]</translation>
        </message>
        <message>
            <source>Follow the case</source>
            <translation>[Ƒööĺĺööŵ ţĥéé çáášéé]</translation>
        </message>
        <message>
            <source>Run the case as a candidate would, in practice mode (Ctrl+F)</source>
            <translation>[Ŕüüñ ţĥéé çáášéé ááš áá çááñďííďááţéé ŵööüüĺď, ííñ þŕááçţííçéé ḿööďéé (Çţŕĺ+Ƒ)]</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>[Ŕééĺööááď]</translation>
        </message>
        <message>
            <source>Export review packet…</source>
            <translation>[ÉÉẋþööŕţ ŕééṽííééŵ þááçķééţ…]</translation>
        </message>
    </context>
    <context>
        <name>PreviewWindow</name>
        <message>
            <source>Preview: {file}</source>
            <translation>[Þŕééṽííééŵ: {file}]</translation>
        </message>
        <message>
            <source>the case changed on disk; following stopped</source>
            <translation>[ţĥéé çáášéé çĥááñĝééď ööñ ďííšķ; ƒööĺĺööŵííñĝ šţööþþééď]</translation>
        </message>
        <message>
            <source>following stopped to browse</source>
            <translation>[ƒööĺĺööŵííñĝ šţööþþééď ţöö ƀŕööŵšéé]</translation>
        </message>
        <message>
            <source>Export review packet</source>
            <translation>[ÉÉẋþööŕţ ŕééṽííééŵ þááçķééţ]</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>[ÞĎƑ (*.þďƒ)]</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>[Ŵŕííţííñĝ {file}…]</translation>
        </message>
        <message>
            <source>Review packet</source>
            <translation>[Ŕééṽííééŵ þááçķééţ]</translation>
        </message>
        <message numerus="yes">
            <source>Review packet written: {path} (%n page(s))</source>
            <translation>
                <numerusform>[Ŕééṽííééŵ þááçķééţ ŵŕííţţééñ: {path} (%n þááĝéé)]</numerusform>
                <numerusform>[Ŕééṽííééŵ þááçķééţ ŵŕííţţééñ: {path} (%n þááĝééš)]</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProblemsPanel</name>
        <message>
            <source>error</source>
            <translation>[ééŕŕööŕ]</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>[ŵááŕñííñĝ]</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>[Þŕööƀĺééḿš]</translation>
        </message>
        <message>
            <source>Errors and warnings; press Enter or double-click to open the file at the line</source>
            <translation>[ÉÉŕŕööŕš ááñď ŵááŕñííñĝš; þŕééšš ÉÉñţééŕ ööŕ ďööüüƀĺéé-çĺííçķ ţöö ööþééñ ţĥéé ƒííĺéé ááţ ţĥéé ĺííñéé]</translation>
        </message>
        <message>
            <source>{path}
Double-click to open it at line {line}.</source>
            <translation>[{path}
Ďööüüƀĺéé-çĺííçķ ţöö ööþééñ ííţ ááţ ĺííñéé {line}.]</translation>
        </message>
        <message numerus="yes">
            <source>{time}: {script} has %n error(s); the last valid version stays on screen. Double-click a problem to open it.</source>
            <translation>
                <numerusform>[{time}: {script} ĥááš %n ééŕŕööŕ(š); ţĥéé ĺáášţ ṽááĺííď ṽééŕšííööñ šţááýýš ööñ šçŕééééñ. Ďööüüƀĺéé-çĺííçķ áá þŕööƀĺééḿ ţöö ööþééñ ííţ.]</numerusform>
                <numerusform>[{time}: {script} ĥááš %n ééŕŕööŕ(š); ţĥéé ĺáášţ ṽááĺííď ṽééŕšííööñ šţááýýš ööñ šçŕééééñ. Ďööüüƀĺéé-çĺííçķ áá þŕööƀĺééḿ ţöö ööþééñ ííţ.]</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{time}: {script} has %n error(s). Double-click a problem to open it.</source>
            <translation>
                <numerusform>[{time}: {script} ĥááš %n ééŕŕööŕ(š). Ďööüüƀĺéé-çĺííçķ áá þŕööƀĺééḿ ţöö ööþééñ ííţ.]</numerusform>
                <numerusform>[{time}: {script} ĥááš %n ééŕŕööŕ(š). Ďööüüƀĺéé-çĺííçķ áá þŕööƀĺééḿ ţöö ööþééñ ííţ.]</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{time}: {script} loaded, %n warning(s).</source>
            <translation>
                <numerusform>[{time}: {script} ĺööááďééď, %n ŵááŕñííñĝ(š).]</numerusform>
                <numerusform>[{time}: {script} ĺööááďééď, %n ŵááŕñííñĝ(š).]</numerusform>
            </translation>
        </message>
        <message>
            <source>{status} ({note})</source>
            <translation>[{status} ({note})]</translation>
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
            <source>Show how to answer</source>
            <translation>[Šĥööŵ ĥööŵ ţöö ááñšŵééŕ]</translation>
        </message>
    </context>
    <context>
        <name>QuestionsPanel</name>
        <message>
            <source>Questions</source>
            <translation>[Ǫüüééšţííööñš]</translation>
        </message>
        <message>
            <source>Check answer</source>
            <translation>[Çĥééçķ ááñšŵééŕ]</translation>
        </message>
        <message>
            <source>Score the answers given, as the exam would</source>
            <translation>[Šçööŕéé ţĥéé ááñšŵééŕš ĝííṽééñ, ááš ţĥéé ééẋááḿ ŵööüüĺď]</translation>
        </message>
        <message>
            <source>Answer with the key</source>
            <translation>[ÁÁñšŵééŕ ŵííţĥ ţĥéé ķééýý]</translation>
        </message>
        <message>
            <source>Clear answers</source>
            <translation>[Çĺééááŕ ááñšŵééŕš]</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>[Šçööŕéé]</translation>
        </message>
        <message>
            <source>{question} ({points} pt)</source>
            <translation>[{question} ({points} þţ)]</translation>
        </message>
        <message>
            <source>No questions here; pick a checkpoint or a question in the outline.</source>
            <translation>[Ñöö ʠüüééšţííööñš ĥééŕéé; þííçķ áá çĥééçķþööííñţ ööŕ áá ʠüüééšţííööñ ííñ ţĥéé ööüüţĺííñéé.]</translation>
        </message>
    </context>
    <context>
        <name>Readiness</name>
        <message>
            <source>Results folder</source>
            <translation>[Ŕééšüüĺţš ƒööĺďééŕ]</translation>
        </message>
        <message>
            <source>{folder} is writable, {free} MB free (at least {minimum} MB)</source>
            <translation>[{folder} ííš ŵŕííţááƀĺéé, {free} ḾƁ ƒŕéééé (ááţ ĺééáášţ {minimum} ḾƁ)]</translation>
        </message>
        <message>
            <source>Board key</source>
            <translation>[Ɓööááŕď ķééýý]</translation>
        </message>
        <message>
            <source>No board key is configured.</source>
            <translation>[Ñöö ƀööááŕď ķééýý ííš çööñƒííĝüüŕééď.]</translation>
        </message>
        <message>
            <source>{key} present (the DEMO key: anyone can read these results)</source>
            <translation>[{key} þŕééšééñţ (ţĥéé ĎÉÉḾÖÖ ķééýý: ááñýýööñéé çááñ ŕééááď ţĥééšéé ŕééšüüĺţš)]</translation>
        </message>
        <message>
            <source>{key} present</source>
            <translation>[{key} þŕééšééñţ]</translation>
        </message>
    </context>
    <context>
        <name>ResumePage</name>
        <message>
            <source>An unfinished exam was found</source>
            <translation>[ÁÁñ üüñƒííñííšĥééď ééẋááḿ ŵááš ƒööüüñď]</translation>
        </message>
        <message>
            <source>Unfinished exams</source>
            <translation>[ÜÜñƒííñííšĥééď ééẋááḿš]</translation>
        </message>
        <message>
            <source>Exams that stopped before they were submitted</source>
            <translation>[ÉÉẋááḿš ţĥááţ šţööþþééď ƀééƒööŕéé ţĥééýý ŵééŕéé šüüƀḿííţţééď]</translation>
        </message>
        <message>
            <source>&amp;Resume the selected exam</source>
            <translation>[&amp;Ŕééšüüḿéé ţĥéé šééĺééçţééď ééẋááḿ]</translation>
        </message>
        <message>
            <source>Resume exam</source>
            <translation>[Ŕééšüüḿéé ééẋááḿ]</translation>
        </message>
        <message>
            <source>Continue the exam at its last submitted checkpoint with its remaining time</source>
            <translation>[Çööñţííñüüéé ţĥéé ééẋááḿ ááţ ííţš ĺáášţ šüüƀḿííţţééď çĥééçķþööííñţ ŵííţĥ ííţš ŕééḿááííñííñĝ ţííḿéé]</translation>
        </message>
        <message>
            <source>Set up a &amp;new exam instead</source>
            <translation>[Šééţ üüþ áá &amp;ñééŵ ééẋááḿ ííñšţééááď]</translation>
        </message>
        <message>
            <source>New exam</source>
            <translation>[Ñééŵ ééẋááḿ]</translation>
        </message>
        <message>
            <source>Leave the unfinished exam for later and set up a new one</source>
            <translation>[Ĺééááṽéé ţĥéé üüñƒííñííšĥééď ééẋááḿ ƒööŕ ĺááţééŕ ááñď šééţ üüþ áá ñééŵ ööñéé]</translation>
        </message>
        <message>
            <source>Candidate {id} · case {case} · started {started}</source>
            <translation>[Çááñďííďááţéé {id} · çáášéé {case} · šţááŕţééď {started}]</translation>
        </message>
        <message>
            <source>The app stopped before this exam was submitted (a crash or a power cut). Resuming continues after the last submitted checkpoint with the time that was left; answers submitted before are kept.</source>
            <translation>[Ţĥéé ááþþ šţööþþééď ƀééƒööŕéé ţĥííš ééẋááḿ ŵááš šüüƀḿííţţééď (áá çŕáášĥ ööŕ áá þööŵééŕ çüüţ). Ŕééšüüḿííñĝ çööñţííñüüééš ááƒţééŕ ţĥéé ĺáášţ šüüƀḿííţţééď çĥééçķþööííñţ ŵííţĥ ţĥéé ţííḿéé ţĥááţ ŵááš ĺééƒţ; ááñšŵééŕš šüüƀḿííţţééď ƀééƒööŕéé ááŕéé ķééþţ.]</translation>
        </message>
        <message>
            <source>{time} UTC</source>
            <translation>[{time} ÜÜŢÇ]</translation>
        </message>
    </context>
    <context>
        <name>SegmentPlayer</name>
        <message>
            <source>The result file cannot be written: {error}</source>
            <translation>[Ţĥéé ŕééšüüĺţ ƒííĺéé çááññööţ ƀéé ŵŕííţţééñ: {error}]</translation>
        </message>
        <message>
            <source>No sound: {problem}</source>
            <translation>[Ñöö šööüüñď: {problem}]</translation>
        </message>
        <message>
            <source>A media file failed: {problem}. The timer is stopped and answers so far are saved. Use 'Retry media' in the proctor panel, or end the case.</source>
            <translation>[ÁÁ ḿééďííáá ƒííĺéé ƒááííĺééď: {problem}. Ţĥéé ţííḿééŕ ííš šţööþþééď ááñď ááñšŵééŕš šöö ƒááŕ ááŕéé šááṽééď. ÜÜšéé 'Ŕééţŕýý ḿééďííáá' ííñ ţĥéé þŕööçţööŕ þááñééĺ, ööŕ ééñď ţĥéé çáášéé.]</translation>
        </message>
    </context>
    <context>
        <name>Selftest</name>
        <message>
            <source>Screen size</source>
            <translation>[Šçŕééééñ šíížéé]</translation>
        </message>
        <message>
            <source>Display</source>
            <translation>[Ďííšþĺááýý]</translation>
        </message>
        <message>
            <source>not checked: no display</source>
            <translation>[ñööţ çĥééçķééď: ñöö ďííšþĺááýý]</translation>
        </message>
        <message>
            <source>Qt finds no screen on this display</source>
            <translation>[Ǫţ ƒííñďš ñöö šçŕééééñ ööñ ţĥííš ďííšþĺááýý]</translation>
        </message>
        <message>
            <source>not checked: no screen</source>
            <translation>[ñööţ çĥééçķééď: ñöö šçŕééééñ]</translation>
        </message>
        <message>
            <source>{size} at {percent} % scaling</source>
            <translation>[{size} ááţ {percent} % šçááĺííñĝ]</translation>
        </message>
        <message>
            <source>{platform} with {count} screen(s)</source>
            <translation>[{platform} ŵííţĥ {count} šçŕééééñ(š)]</translation>
        </message>
        <message>
            <source>the screen is {size}; the exam needs at least {minimum} (raise the resolution or lower the scaling)</source>
            <translation>[ţĥéé šçŕééééñ ííš {size}; ţĥéé ééẋááḿ ñééééďš ááţ ĺééáášţ {minimum} (ŕááííšéé ţĥéé ŕééšööĺüüţííööñ ööŕ ĺööŵééŕ ţĥéé šçááĺííñĝ)]</translation>
        </message>
        <message>
            <source>{size} (at least {minimum})</source>
            <translation>[{size} (ááţ ĺééáášţ {minimum})]</translation>
        </message>
        <message>
            <source>not loaded: {error}</source>
            <translation>[ñööţ ĺööááďééď: {error}]</translation>
        </message>
    </context>
    <context>
        <name>SetupPage</name>
        <message>
            <source>Interface language</source>
            <translation>[ÍÍñţééŕƒááçéé ĺááñĝüüááĝéé]</translation>
        </message>
        <message>
            <source>The language of the screens; cases stay in the language they were written in</source>
            <translation>[Ţĥéé ĺááñĝüüááĝéé ööƒ ţĥéé šçŕééééñš; çáášééš šţááýý ííñ ţĥéé ĺááñĝüüááĝéé ţĥééýý ŵééŕéé ŵŕííţţééñ ííñ]</translation>
        </message>
        <message>
            <source>Exam</source>
            <translation>[ÉÉẋááḿ]</translation>
        </message>
        <message>
            <source>One case, or a certificate made of several cases</source>
            <translation>[ÖÖñéé çáášéé, ööŕ áá çééŕţííƒííçááţéé ḿááďéé ööƒ šééṽééŕááĺ çáášééš]</translation>
        </message>
        <message>
            <source>Open an exam pac&amp;kage…</source>
            <translation>[ÖÖþééñ ááñ ééẋááḿ þááç&amp;ķááĝéé…]</translation>
        </message>
        <message>
            <source>Open exam package</source>
            <translation>[ÖÖþééñ ééẋááḿ þááçķááĝéé]</translation>
        </message>
        <message>
            <source>Choose a sealed .pocusexam file given by the certifying body</source>
            <translation>[Çĥööööšéé áá šééááĺééď .þööçüüšééẋááḿ ƒííĺéé ĝííṽééñ ƀýý ţĥéé çééŕţííƒýýííñĝ ƀööďýý]</translation>
        </message>
        <message>
            <source>Package passphrase</source>
            <translation>[Þááçķááĝéé þááššþĥŕáášéé]</translation>
        </message>
        <message>
            <source>The passphrase that unlocks the sealed exam package for this sitting</source>
            <translation>[Ţĥéé þááššþĥŕáášéé ţĥááţ üüñĺööçķš ţĥéé šééááĺééď ééẋááḿ þááçķááĝéé ƒööŕ ţĥííš šííţţííñĝ]</translation>
        </message>
        <message>
            <source>Candidate ID</source>
            <translation>[Çááñďííďááţéé ÍÍĎ]</translation>
        </message>
        <message>
            <source>The candidate's ID: letters, digits, dots and hyphens, up to 40</source>
            <translation>[Ţĥéé çááñďííďááţéé'š ÍÍĎ: ĺééţţééŕš, ďííĝííţš, ďööţš ááñď ĥýýþĥééñš, üüþ ţöö 40]</translation>
        </message>
        <message>
            <source>Candidate name</source>
            <translation>[Çááñďííďááţéé ñááḿéé]</translation>
        </message>
        <message>
            <source>The candidate's full name, as on their ID</source>
            <translation>[Ţĥéé çááñďííďááţéé'š ƒüüĺĺ ñááḿéé, ááš ööñ ţĥééííŕ ÍÍĎ]</translation>
        </message>
        <message>
            <source>{factor} × time (standard)</source>
            <translation>[{factor} × ţííḿéé (šţááñďááŕď)]</translation>
        </message>
        <message>
            <source>{factor} × time</source>
            <translation>[{factor} × ţííḿéé]</translation>
        </message>
        <message>
            <source>Time multiplier</source>
            <translation>[Ţííḿéé ḿüüĺţííþĺííééŕ]</translation>
        </message>
        <message>
            <source>Extra time accommodation for this candidate</source>
            <translation>[ÉÉẋţŕáá ţííḿéé ááççööḿḿööďááţííööñ ƒööŕ ţĥííš çááñďííďááţéé]</translation>
        </message>
        <message>
            <source>Captions always on</source>
            <translation>[Çááþţííööñš ááĺŵááýýš ööñ]</translation>
        </message>
        <message>
            <source>The candidate cannot switch captions off</source>
            <translation>[Ţĥéé çááñďííďááţéé çááññööţ šŵííţçĥ çááþţííööñš ööƒƒ]</translation>
        </message>
        <message>
            <source>Larger text (200 %)</source>
            <translation>[Ĺááŕĝééŕ ţééẋţ (200 %)]</translation>
        </message>
        <message>
            <source>Show questions, captions and the script at twice the size</source>
            <translation>[Šĥööŵ ʠüüééšţííööñš, çááþţííööñš ááñď ţĥéé šçŕííþţ ááţ ţŵííçéé ţĥéé šíížéé]</translation>
        </message>
        <message>
            <source>High-contrast colours</source>
            <translation>[Ĥííĝĥ-çööñţŕáášţ çööĺööüüŕš]</translation>
        </message>
        <message>
            <source>White on black with strong focus outlines</source>
            <translation>[Ŵĥííţéé ööñ ƀĺááçķ ŵííţĥ šţŕööñĝ ƒööçüüš ööüüţĺííñééš]</translation>
        </message>
        <message>
            <source>Practice mode</source>
            <translation>[Þŕááçţííçéé ḿööďéé]</translation>
        </message>
        <message>
            <source>Feedback after each answer, in a window: scores, keys and explanations are shown to the candidate</source>
            <translation>[Ƒééééďƀááçķ ááƒţééŕ ééááçĥ ááñšŵééŕ, ííñ áá ŵííñďööŵ: šçööŕééš, ķééýýš ááñď ééẋþĺááñááţííööñš ááŕéé šĥööŵñ ţöö ţĥéé çááñďííďááţéé]</translation>
        </message>
        <message>
            <source>Set up the exam</source>
            <translation>[Šééţ üüþ ţĥéé ééẋááḿ]</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>[&amp;Ĺááñĝüüááĝéé:]</translation>
        </message>
        <message>
            <source>&amp;Exam:</source>
            <translation>[&amp;ÉÉẋááḿ:]</translation>
        </message>
        <message>
            <source>Package pa&amp;ssphrase:</source>
            <translation>[Þááçķááĝéé þáá&amp;ššþĥŕáášéé:]</translation>
        </message>
        <message>
            <source>Candidate &amp;ID:</source>
            <translation>[Çááñďííďááţéé &amp;ÍÍĎ:]</translation>
        </message>
        <message>
            <source>Candidate &amp;name:</source>
            <translation>[Çááñďííďááţéé &amp;ñááḿéé:]</translation>
        </message>
        <message>
            <source>&amp;Time:</source>
            <translation>[&amp;Ţííḿéé:]</translation>
        </message>
        <message>
            <source>Accommodations:</source>
            <translation>[ÁÁççööḿḿööďááţííööñš:]</translation>
        </message>
        <message>
            <source>Run the &amp;preflight checks</source>
            <translation>[Ŕüüñ ţĥéé &amp;þŕééƒĺííĝĥţ çĥééçķš]</translation>
        </message>
        <message>
            <source>Run preflight</source>
            <translation>[Ŕüüñ þŕééƒĺííĝĥţ]</translation>
        </message>
        <message>
            <source>Check the cases, media, sound, results folder and board key</source>
            <translation>[Çĥééçķ ţĥéé çáášééš, ḿééďííáá, šööüüñď, ŕééšüüĺţš ƒööĺďééŕ ááñď ƀööááŕď ķééýý]</translation>
        </message>
        <message>
            <source>No exam is available.</source>
            <translation>[Ñöö ééẋááḿ ííš ááṽááííĺááƀĺéé.]</translation>
        </message>
        <message>
            <source>Sealed package {name}: its cases are checked and unlocked at the preflight (type the passphrase, unless this center's key opens it).</source>
            <translation>[Šééááĺééď þááçķááĝéé {name}: ííţš çáášééš ááŕéé çĥééçķééď ááñď üüñĺööçķééď ááţ ţĥéé þŕééƒĺííĝĥţ (ţýýþéé ţĥéé þááššþĥŕáášéé, üüñĺééšš ţĥííš çééñţééŕ'š ķééýý ööþééñš ííţ).]</translation>
        </message>
        <message numerus="yes">
            <source>%n case(s) in order: {names}</source>
            <translation>
                <numerusform>[%n çáášéé ííñ ööŕďééŕ: {names}]</numerusform>
                <numerusform>[%n çáášééš ííñ ööŕďééŕ: {names}]</numerusform>
            </translation>
        </message>
        <message>
            <source>Case: {names}</source>
            <translation>[Çáášéé: {names}]</translation>
        </message>
        <message>
            <source>Enter the candidate ID (letters, digits, . and -).</source>
            <translation>[ÉÉñţééŕ ţĥéé çááñďííďááţéé ÍÍĎ (ĺééţţééŕš, ďííĝííţš, . ááñď -).]</translation>
        </message>
        <message>
            <source>Enter the candidate's name.</source>
            <translation>[ÉÉñţééŕ ţĥéé çááñďííďááţéé'š ñááḿéé.]</translation>
        </message>
        <message>
            <source>No exam is available to choose.</source>
            <translation>[Ñöö ééẋááḿ ííš ááṽááííĺááƀĺéé ţöö çĥööööšéé.]</translation>
        </message>
    </context>
    <context>
        <name>SoundCheckBox</name>
        <message>
            <source>The test tone could not be played (libvlc refused).</source>
            <translation>[Ţĥéé ţééšţ ţööñéé çööüüĺď ñööţ ƀéé þĺááýýééď (ĺííƀṽĺç ŕééƒüüšééď).]</translation>
        </message>
        <message>
            <source>The test tone could not be played: {error}</source>
            <translation>[Ţĥéé ţééšţ ţööñéé çööüüĺď ñööţ ƀéé þĺááýýééď: {error}]</translation>
        </message>
        <message>
            <source>Sound check: put the headphones on the candidate, play the test tone and ask whether they hear it.</source>
            <translation>[Šööüüñď çĥééçķ: þüüţ ţĥéé ĥééááďþĥööñééš ööñ ţĥéé çááñďííďááţéé, þĺááýý ţĥéé ţééšţ ţööñéé ááñď áášķ ŵĥééţĥééŕ ţĥééýý ĥééááŕ ííţ.]</translation>
        </message>
        <message>
            <source>Play the test &amp;tone</source>
            <translation>[Þĺááýý ţĥéé ţééšţ &amp;ţööñéé]</translation>
        </message>
        <message>
            <source>Play test tone</source>
            <translation>[Þĺááýý ţééšţ ţööñéé]</translation>
        </message>
        <message>
            <source>Play a short beep through the exam's audio output</source>
            <translation>[Þĺááýý áá šĥööŕţ ƀééééþ ţĥŕööüüĝĥ ţĥéé ééẋááḿ'š ááüüďííöö ööüüţþüüţ]</translation>
        </message>
        <message>
            <source>The candidate &amp;heard it</source>
            <translation>[Ţĥéé çááñďííďááţéé &amp;ĥééááŕď ííţ]</translation>
        </message>
        <message>
            <source>Tone heard</source>
            <translation>[Ţööñéé ĥééááŕď]</translation>
        </message>
        <message>
            <source>Confirm the candidate heard the test tone</source>
            <translation>[Çööñƒííŕḿ ţĥéé çááñďííďááţéé ĥééááŕď ţĥéé ţééšţ ţööñéé]</translation>
        </message>
        <message>
            <source>Tone playing… Did the candidate hear it?</source>
            <translation>[Ţööñéé þĺááýýííñĝ… Ďííď ţĥéé çááñďííďááţéé ĥééááŕ ííţ?]</translation>
        </message>
        <message>
            <source>Sound confirmed.</source>
            <translation>[Šööüüñď çööñƒííŕḿééď.]</translation>
        </message>
    </context>
    <context>
        <name>StageColumn</name>
        <message>
            <source>Current position in the case</source>
            <translation>[Çüüŕŕééñţ þööšííţííööñ ííñ ţĥéé çáášéé]</translation>
        </message>
    </context>
    <context>
        <name>StartWindow</name>
        <message>
            <source>pocus-player {version}: proctor start</source>
            <translation>[þööçüüš-þĺááýýééŕ {version}: þŕööçţööŕ šţááŕţ]</translation>
        </message>
        <message>
            <source>The proctor unlocks this computer to set up or resume an exam.</source>
            <translation>[Ţĥéé þŕööçţööŕ üüñĺööçķš ţĥííš çööḿþüüţééŕ ţöö šééţ üüþ ööŕ ŕééšüüḿéé ááñ ééẋááḿ.]</translation>
        </message>
        <message>
            <source>Open an exam package</source>
            <translation>[ÖÖþééñ ááñ ééẋááḿ þááçķááĝéé]</translation>
        </message>
        <message>
            <source>Exam packages (*.pocusexam)</source>
            <translation>[ÉÉẋááḿ þááçķááĝééš (*.þööçüüšééẋááḿ)]</translation>
        </message>
        <message>
            <source>Unlock the exam package</source>
            <translation>[ÜÜñĺööçķ ţĥéé ééẋááḿ þááçķááĝéé]</translation>
        </message>
        <message>
            <source>Passphrase of {package}, to resume the unfinished exam:</source>
            <translation>[Þááššþĥŕáášéé ööƒ {package}, ţöö ŕééšüüḿéé ţĥéé üüñƒííñííšĥééď ééẋááḿ:]</translation>
        </message>
        <message>
            <source>{exam} for {name} ({id}): {accommodations}</source>
            <translation>[{exam} ƒööŕ {name} ({id}): {accommodations}]</translation>
        </message>
        <message>
            <source>{factor} × time</source>
            <translation>[{factor} × ţííḿéé]</translation>
        </message>
        <message>
            <source>captions always on</source>
            <translation>[çááþţííööñš ááĺŵááýýš ööñ]</translation>
        </message>
        <message>
            <source>larger text</source>
            <translation>[ĺááŕĝééŕ ţééẋţ]</translation>
        </message>
        <message>
            <source>PRACTICE mode</source>
            <translation>[ÞŔÁÁÇŢÍÍÇÉÉ ḿööďéé]</translation>
        </message>
    </context>
    <context>
        <name>TimeNotice</name>
        <message>
            <source>5 minutes left</source>
            <extracomment>Seconds left at which the candidate is told, and what they are told.</extracomment>
            <translation>[5 ḿííñüüţééš ĺééƒţ]</translation>
        </message>
        <message>
            <source>1 minute left</source>
            <translation>[1 ḿííñüüţéé ĺééƒţ]</translation>
        </message>
        <message>
            <source>Time is up. Your answers so far are recorded.</source>
            <translation>[Ţííḿéé ííš üüþ. ÝÝööüüŕ ááñšŵééŕš šöö ƒááŕ ááŕéé ŕééçööŕďééď.]</translation>
        </message>
        <message>
            <source>The exam is paused by your proctor. The timer is stopped.</source>
            <translation>[Ţĥéé ééẋááḿ ííš þááüüšééď ƀýý ýýööüüŕ þŕööçţööŕ. Ţĥéé ţííḿééŕ ííš šţööþþééď.]</translation>
        </message>
        <message>
            <source>The exam goes on. The timer runs again.</source>
            <translation>[Ţĥéé ééẋááḿ ĝööééš ööñ. Ţĥéé ţííḿééŕ ŕüüñš ááĝááííñ.]</translation>
        </message>
        <message>
            <source>Exam resumed</source>
            <extracomment>What the header shows for a message (it has one short line); the screen reader hears the whole message.</extracomment>
            <translation>[ÉÉẋááḿ ŕééšüüḿééď]</translation>
        </message>
        <message>
            <source>Time notice</source>
            <extracomment>Messages the screen says in full already (the pause cover, the end screen): announced only. How long a warning stays in the header.</extracomment>
            <translation>[Ţííḿéé ñööţííçéé]</translation>
        </message>
        <message>
            <source>Time notice: {message}</source>
            <translation>[Ţííḿéé ñööţííçéé: {message}]</translation>
        </message>
    </context>
    <context>
        <name>TimelineSlider</name>
        <message>
            <source>Timeline</source>
            <translation>[Ţííḿééĺííñéé]</translation>
        </message>
        <message>
            <source>Drag to scrub; the ticks are checkpoints</source>
            <translation>[Ďŕááĝ ţöö šçŕüüƀ; ţĥéé ţííçķš ááŕéé çĥééçķþööííñţš]</translation>
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
    <context>
        <name>TransportBar</name>
        <message>
            <source>Clip:</source>
            <translation>[Çĺííþ:]</translation>
        </message>
        <message>
            <source>Clip to review</source>
            <translation>[Çĺííþ ţöö ŕééṽííééŵ]</translation>
        </message>
        <message>
            <source>Back to the start</source>
            <translation>[Ɓááçķ ţöö ţĥéé šţááŕţ]</translation>
        </message>
        <message>
            <source>One frame back (comma)</source>
            <translation>[ÖÖñéé ƒŕááḿéé ƀááçķ (çööḿḿáá)]</translation>
        </message>
        <message>
            <source>One frame back</source>
            <translation>[ÖÖñéé ƒŕááḿéé ƀááçķ]</translation>
        </message>
        <message>
            <source>Play or pause</source>
            <translation>[Þĺááýý ööŕ þááüüšéé]</translation>
        </message>
        <message>
            <source>One frame forward (full stop)</source>
            <translation>[ÖÖñéé ƒŕááḿéé ƒööŕŵááŕď (ƒüüĺĺ šţööþ)]</translation>
        </message>
        <message>
            <source>One frame forward</source>
            <translation>[ÖÖñéé ƒŕááḿéé ƒööŕŵááŕď]</translation>
        </message>
        <message>
            <source>Media position</source>
            <translation>[Ḿééďííáá þööšííţííööñ]</translation>
        </message>
    </context>
</TS>
