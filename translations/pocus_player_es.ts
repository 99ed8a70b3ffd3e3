<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Application</name>
    <message>
        <source>Ultrasound case exam: video, images and questions</source>
        <extracomment>What the application is, for the accessibility tree&apos;s root (not the interpreter&apos;s path).</extracomment>
        <translation>Examen de casos de ecografía: vídeo, imágenes y preguntas</translation>
    </message>
</context>
<context>
    <name>BranchGraph</name>
    <message>
        <source>Branch graph</source>
        <translation>Grafo de ramas</translation>
    </message>
    <message>
        <source>The steps of the case and the branches between them</source>
        <translation>Los pasos del caso y las ramas entre ellos</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
</context>
<context>
    <name>CaliperQuestionWidget</name>
    <message>
        <source>Key: {value} ± {tolerance}</source>
        <translation>Clave: {value} ± {tolerance}</translation>
    </message>
    <message>
        <source>Measure with two endpoints: click to place endpoint 1 and endpoint 2 (or drag from endpoint 1), then drag either to adjust. Keyboard: Tab switches from endpoint 1 to endpoint 2, the arrow keys move the active endpoint (Shift: 10 pixels), Enter places it, Delete removes it.</source>
        <translation>Mida con dos extremos: haga clic para colocar el extremo 1 y el extremo 2 (o arrastre desde el extremo 1) y después arrastre cualquiera de los dos para ajustarlo. Teclado: Tab pasa del extremo 1 al extremo 2, las flechas mueven el extremo activo (Mayús: 10 píxeles), Intro lo coloca y Supr lo elimina.</translation>
    </message>
    <message>
        <source>Image to measure</source>
        <translation>Imagen para medir</translation>
    </message>
    <message>
        <source>Clear endpoints</source>
        <translation>Borrar extremos</translation>
    </message>
    <message>
        <source>Removes both endpoints so you can measure again.</source>
        <translation>Elimina los dos extremos para que pueda volver a medir.</translation>
    </message>
    <message>
        <source>Endpoint status</source>
        <translation>Estado de los extremos</translation>
    </message>
    <message>
        <source>This image has no calibration; no measurement can be shown.</source>
        <translation>Esta imagen no está calibrada; no se puede mostrar ninguna medida.</translation>
    </message>
    <message>
        <source>Measurement: {value}</source>
        <translation>Medida: {value}</translation>
    </message>
    <message>
        <source>This image&apos;s calibration cannot give this measurement.</source>
        <translation>La calibración de esta imagen no permite obtener esta medida.</translation>
    </message>
    <message>
        <source>Endpoint {number} at {x}, {y} pixels.</source>
        <translation>Extremo {number} en {x}; {y} píxeles.</translation>
    </message>
    <message>
        <source>Endpoint {number} not placed.</source>
        <translation>Extremo {number} sin colocar.</translation>
    </message>
    <message>
        <source>Endpoint {number} is active.</source>
        <translation>El extremo {number} está activo.</translation>
    </message>
    <message>
        <source>Image to measure, {width} by {height} pixels</source>
        <translation>Imagen para medir, de {width} por {height} píxeles</translation>
    </message>
    <message>
        <source>Green circles: the reference endpoints; green band: where endpoint 2 gives an accepted reading.</source>
        <translation>Círculos verdes: los extremos de referencia; banda verde: donde el extremo 2 da una lectura aceptada.</translation>
    </message>
</context>
<context>
    <name>CandidateHeader</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <source>Progress through the case</source>
        <translation>Avance en el caso</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>Time left for these questions</source>
        <translation>Tiempo restante para estas preguntas</translation>
    </message>
    <message>
        <source>Case {number} of {count}: {title}</source>
        <translation>Caso {number} de {count}: {title}</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Práctica</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>{mode} · {name} ({id})</source>
        <translation>{mode} · {name} ({id})</translation>
    </message>
    <message>
        <source>Part {part} of {total}</source>
        <translation>Parte {part} de {total}</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s)</source>
        <translation>
            <numerusform>%n parte</numerusform>
            <numerusform>%n partes</numerusform>
        </translation>
    </message>
    <message>
        <source>Time left {time}</source>
        <translation>Tiempo restante {time}</translation>
    </message>
    <message>
        <source>Time left {time} (paused)</source>
        <translation>Tiempo restante {time} (en pausa)</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>The time left for this case</source>
        <translation>El tiempo que queda para este caso</translation>
    </message>
    <message>
        <source>These questions: {time}</source>
        <translation>Estas preguntas: {time}</translation>
    </message>
</context>
<context>
    <name>CandidateWindow</name>
    <message>
        <source>pocus-player: exam</source>
        <translation>pocus-player: examen</translation>
    </message>
    <message>
        <source>Exam window</source>
        <translation>Ventana del examen</translation>
    </message>
    <message>
        <source>How this works: the case plays and stops at checkpoints with questions. Answer each question, then Submit; after submitting you cannot go back. Keyboard: Tab moves between controls, Space or Enter presses a button, number keys 1-9 or letters A-E choose an option. Ctrl+T shows the written script. The time left is shown at the top right.</source>
        <translation>Cómo funciona: el caso se reproduce y se detiene en puntos de control con preguntas. Responda cada pregunta y después pulse Enviar; una vez enviadas, no podrá volver atrás. Teclado: Tab pasa de un control a otro, Espacio o Intro pulsa un botón, las teclas numéricas 1-9 o las letras A-E eligen una opción. Ctrl+T muestra el texto escrito. El tiempo restante aparece arriba a la derecha.</translation>
    </message>
    <message>
        <source>&amp;Begin the case</source>
        <translation>&amp;Comenzar el caso</translation>
    </message>
    <message>
        <source>Begin the case</source>
        <translation>Comenzar el caso</translation>
    </message>
    <message>
        <source>Start the case and its timer</source>
        <translation>Inicia el caso y su temporizador</translation>
    </message>
    <message>
        <source>Exam paused</source>
        <translation>Examen en pausa</translation>
    </message>
    <message>
        <source>Enter the proctor PIN to open the proctor controls.</source>
        <translation>Introduzca el PIN del supervisor para abrir los controles del supervisor.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{minutes} %n second(s)</source>
        <translation>
            <numerusform>{minutes} y %n segundo</numerusform>
            <numerusform>{minutes} y %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>Practice: after each submission you see your score, the answer and why.</source>
        <translation>Práctica: después de cada envío verá su puntuación, la respuesta correcta y su justificación.</translation>
    </message>
    <message>
        <source>Exam: your answers are recorded; no score is shown.</source>
        <translation>Examen: sus respuestas quedan registradas; no se muestra ninguna puntuación.</translation>
    </message>
    <message>
        <source>Time allowed: {allowed}. {mode}</source>
        <translation>Tiempo permitido: {allowed}. {mode}</translation>
    </message>
    <message>
        <source>Paused by your proctor</source>
        <translation>En pausa por el supervisor</translation>
    </message>
    <message>
        <source>The timer is stopped. Please wait.</source>
        <translation>El temporizador está detenido. Espere, por favor.</translation>
    </message>
    <message>
        <source>The exam is stopped. Your answers so far are saved.</source>
        <translation>El examen está detenido. Sus respuestas hasta ahora están guardadas.</translation>
    </message>
</context>
<context>
    <name>CaptionOverlay</name>
    <message>
        <source>Captions</source>
        <translation>Subtítulos</translation>
    </message>
    <message>
        <source>No caption at this time</source>
        <translation>No hay subtítulos en este momento</translation>
    </message>
</context>
<context>
    <name>CaseOutline</name>
    <message>
        <source>single best answer</source>
        <translation>respuesta única</translation>
    </message>
    <message>
        <source>multiple response</source>
        <translation>respuesta múltiple</translation>
    </message>
    <message>
        <source>ordering</source>
        <translation>ordenación</translation>
    </message>
    <message>
        <source>hotspot</source>
        <translation>zona activa</translation>
    </message>
    <message>
        <source>caliper</source>
        <translation>medición</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>segmento</translation>
    </message>
    <message>
        <source>review</source>
        <translation>revisión</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>preguntas</translation>
    </message>
    <message>
        <source>frame {frame}</source>
        <translation>fotograma {frame}</translation>
    </message>
    <message>
        <source>otherwise</source>
        <translation>en otro caso</translation>
    </message>
    <message>
        <source>Case outline</source>
        <translation>Esquema del caso</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Visto</translation>
    </message>
    <message>
        <source>Steps, checkpoints, questions and branches of the case; press Enter to go there</source>
        <translation>Pasos, puntos de control, preguntas y ramas del caso; pulse Intro para ir a uno</translation>
    </message>
    <message>
        <source>{question} · {kind} · {points} pt · {stem}</source>
        <translation>{question} · {kind} · {points} pt · {stem}</translation>
    </message>
    <message>
        <source> · plays {media}</source>
        <translation> · reproduce {media}</translation>
    </message>
    <message>
        <source> · clips {media}</source>
        <translation> · clips {media}</translation>
    </message>
    <message>
        <source> · image {media}</source>
        <translation> · imagen {media}</translation>
    </message>
    <message>
        <source>{checkpoint} at {time}</source>
        <translation>{checkpoint} en {time}</translation>
    </message>
    <message>
        <source>checkpoint {checkpoint} at {time}</source>
        <translation>punto de control {checkpoint} en {time}</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>el final</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>visto</translation>
    </message>
    <message>
        <source>not seen</source>
        <translation>no visto</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Outline</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>Ramas</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
</context>
<context>
    <name>CheckpointPanel</name>
    <message>
        <source>Checkpoint title</source>
        <translation>Título del punto de control</translation>
    </message>
    <message>
        <source>&amp;Previous question</source>
        <translation>Pregunta &amp;anterior</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>Pregunta anterior</translation>
    </message>
    <message>
        <source>Go back to the previous question</source>
        <translation>Vuelve a la pregunta anterior</translation>
    </message>
    <message>
        <source>&amp;Next question</source>
        <translation>Pregunta &amp;siguiente</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Pregunta siguiente</translation>
    </message>
    <message>
        <source>Go on to the next question of this checkpoint</source>
        <translation>Pasa a la siguiente pregunta de este punto de control</translation>
    </message>
    <message>
        <source>&amp;Submit answers</source>
        <translation>&amp;Enviar respuestas</translation>
    </message>
    <message>
        <source>Submit answers</source>
        <translation>Enviar respuestas</translation>
    </message>
    <message>
        <source>Submit the answers of this checkpoint; you will be asked to confirm</source>
        <translation>Envía las respuestas de este punto de control; se le pedirá que lo confirme</translation>
    </message>
    <message>
        <source>&amp;Yes, submit</source>
        <translation>&amp;Sí, enviar</translation>
    </message>
    <message>
        <source>Yes, submit</source>
        <translation>Sí, enviar</translation>
    </message>
    <message>
        <source>Submit now; you cannot change these answers later</source>
        <translation>Envía ahora; después no podrá cambiar estas respuestas</translation>
    </message>
    <message>
        <source>No, keep &amp;working</source>
        <translation>No, seguir &amp;trabajando</translation>
    </message>
    <message>
        <source>No, keep working</source>
        <translation>No, seguir trabajando</translation>
    </message>
    <message>
        <source>Go back to the questions without submitting</source>
        <translation>Vuelve a las preguntas sin enviar</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Play clip {title}</source>
        <translation>Reproducir el clip {title}</translation>
    </message>
    <message>
        <source>Play the clip &apos;{title}&apos; again</source>
        <translation>Vuelve a reproducir el clip «{title}»</translation>
    </message>
    <message>
        <source>Play clip</source>
        <translation>Reproducir clip</translation>
    </message>
    <message>
        <source>Play the clip &apos;{title}&apos;</source>
        <translation>Reproduce el clip «{title}»</translation>
    </message>
    <message>
        <source>Replay clip</source>
        <translation>Volver a ver el clip</translation>
    </message>
    <message>
        <source>Replay the clip &apos;{title}&apos;</source>
        <translation>Vuelve a reproducir el clip «{title}»</translation>
    </message>
    <message>
        <source>No replays left</source>
        <translation>No quedan repeticiones</translation>
    </message>
    <message>
        <source>This clip cannot be replayed again</source>
        <translation>Este clip ya no se puede volver a reproducir</translation>
    </message>
    <message numerus="yes">
        <source>Replay clip (%n replay(s) left)</source>
        <translation>
            <numerusform>Volver a ver el clip (queda %n repetición)</numerusform>
            <numerusform>Volver a ver el clip (quedan %n repeticiones)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay the clip &apos;{title}&apos;; %n replay(s) left</source>
        <translation>
            <numerusform>Vuelve a reproducir el clip «{title}»; queda %n repetición</numerusform>
            <numerusform>Vuelve a reproducir el clip «{title}»; quedan %n repeticiones</numerusform>
        </translation>
    </message>
    <message>
        <source>Question {number} of {count}</source>
        <translation>Pregunta {number} de {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) not answered. Submit anyway?</source>
        <translation>
            <numerusform>Hay %n pregunta sin responder. ¿Enviar de todos modos?</numerusform>
            <numerusform>Hay %n preguntas sin responder. ¿Enviar de todos modos?</numerusform>
        </translation>
    </message>
    <message>
        <source>Submit your answers?</source>
        <translation>¿Enviar sus respuestas?</translation>
    </message>
    <message>
        <source>You cannot go back to them after submitting.</source>
        <translation>Una vez enviadas, no podrá volver a ellas.</translation>
    </message>
</context>
<context>
    <name>ChoiceQuestionWidget</name>
    <message>
        <source>press 1–{digit} or A–{letter}</source>
        <translation>pulse 1–{digit} o A–{letter}</translation>
    </message>
    <message>
        <source>press 1 or A</source>
        <translation>pulse 1 o A</translation>
    </message>
    <message>
        <source>Tick every option that applies. Click an option, or {keys}, to tick or untick it. Up and Down move between options; Space ticks the one in focus.</source>
        <translation>Marque todas las opciones que correspondan. Haga clic en una opción, o {keys}, para marcarla o desmarcarla. Las flechas arriba y abajo recorren las opciones; Espacio marca la que tiene el foco.</translation>
    </message>
    <message>
        <source>Choose one answer. Click an option, or {keys}. Up and Down move between options; Space chooses the one in focus.</source>
        <translation>Elija una sola respuesta. Haga clic en una opción, o {keys}. Las flechas arriba y abajo recorren las opciones; Espacio elige la que tiene el foco.</translation>
    </message>
    <message>
        <source>Correct answers: {options}</source>
        <translation>Respuestas correctas: {options}</translation>
    </message>
    <message>
        <source>Correct answer: {options}</source>
        <translation>Respuesta correcta: {options}</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <source>Steps: {done} of {total}</source>
        <translation>Pasos: {done} de {total}</translation>
    </message>
    <message>
        <source>Checkpoints: {done} of {total}</source>
        <translation>Puntos de control: {done} de {total}</translation>
    </message>
    <message>
        <source>Questions: {done} of {total}</source>
        <translation>Preguntas: {done} de {total}</translation>
    </message>
    <message>
        <source>Branches: {done} of {total}</source>
        <translation>Ramas: {done} de {total}</translation>
    </message>
    <message>
        <source>Not visited yet:</source>
        <translation>Aún sin visitar:</translation>
    </message>
    <message>
        <source>Not visited yet</source>
        <translation>Aún sin visitar</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>paso {step}</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>el final</translation>
    </message>
    <message>
        <source>branch {source} → {target}</source>
        <translation>rama {source} → {target}</translation>
    </message>
    <message>
        <source>question {question}</source>
        <translation>pregunta {question}</translation>
    </message>
</context>
<context>
    <name>ElidedLabel</name>
    <message>
        <source>{prefix}: {text}</source>
        <translation>{prefix}: {text}</translation>
    </message>
</context>
<context>
    <name>EncounterPage</name>
    <message>
        <source>Captions: on</source>
        <translation>Subtítulos: sí</translation>
    </message>
    <message>
        <source>Captions</source>
        <translation>Subtítulos</translation>
    </message>
    <message>
        <source>Show or hide the captions over the media</source>
        <translation>Muestra u oculta los subtítulos sobre el vídeo</translation>
    </message>
    <message>
        <source>Show written script (Ctrl+T)</source>
        <translation>Mostrar el texto escrito (Ctrl+T)</translation>
    </message>
    <message>
        <source>Written script</source>
        <translation>Texto escrito</translation>
    </message>
    <message>
        <source>Show or hide the full written script of the media</source>
        <translation>Muestra u oculta el texto escrito completo del contenido</translation>
    </message>
    <message>
        <source>Hide written script (Ctrl+T)</source>
        <translation>Ocultar el texto escrito (Ctrl+T)</translation>
    </message>
    <message>
        <source>Captions: off</source>
        <translation>Subtítulos: no</translation>
    </message>
    <message>
        <source>The clips play here. Choose “Play clip” beside the questions.</source>
        <translation>Los clips se reproducen aquí. Elija «Reproducir clip» junto a las preguntas.</translation>
    </message>
    <message>
        <source>Play the clips with the buttons beside the questions.</source>
        <translation>Reproduzca los clips con los botones que hay junto a las preguntas.</translation>
    </message>
</context>
<context>
    <name>EndScreen</name>
    <message>
        <source>The time ran out; the answers given were recorded.</source>
        <translation>Se agotó el tiempo; las respuestas dadas quedaron registradas.</translation>
    </message>
    <message>
        <source>The proctor ended the case; the answers given were recorded.</source>
        <translation>El supervisor terminó el caso; las respuestas dadas quedaron registradas.</translation>
    </message>
    <message>
        <source>The case was stopped because of a technical problem; the answers given were recorded.</source>
        <translation>El caso se detuvo por un problema técnico; las respuestas dadas quedaron registradas.</translation>
    </message>
    <message>
        <source>Receipt code</source>
        <translation>Código de recibo</translation>
    </message>
    <message>
        <source>Go on to the &amp;next case</source>
        <translation>Pasar al caso &amp;siguiente</translation>
    </message>
    <message>
        <source>Next case</source>
        <translation>Caso siguiente</translation>
    </message>
    <message>
        <source>Start the instructions of the next case</source>
        <translation>Abre las instrucciones del caso siguiente</translation>
    </message>
    <message>
        <source>Case complete</source>
        <translation>Caso terminado</translation>
    </message>
    <message>
        <source>Exam complete</source>
        <translation>Examen terminado</translation>
    </message>
    <message>
        <source>Practice complete</source>
        <translation>Práctica terminada</translation>
    </message>
    <message>
        <source>Your answers are saved and encrypted. Please note your receipt code and give it to your proctor.</source>
        <translation>Sus respuestas están guardadas y cifradas. Anote su código de recibo y entrégueselo a su supervisor.</translation>
    </message>
    <message>
        <source>The case has ended.</source>
        <translation>El caso ha terminado.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) remain in this exam.</source>
        <translation>
            <numerusform>Queda %n caso en este examen.</numerusform>
            <numerusform>Quedan %n casos en este examen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Receipt codes of this exam:</source>
        <translation>Códigos de recibo de este examen:</translation>
    </message>
    <message>
        <source>Score: &lt;b&gt;{points} of {max_points}&lt;/b&gt; points ({percent}); pass mark {pass_mark}: {verdict}.</source>
        <translation>Puntuación: &lt;b&gt;{points} de {max_points}&lt;/b&gt; puntos ({percent}); nota de aprobado {pass_mark}: {verdict}.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>no aprobado</translation>
    </message>
    <message>
        <source>{value}%</source>
        <translation>{value} %</translation>
    </message>
</context>
<context>
    <name>ExamApp</name>
    <message>
        <source>Case file: {name}</source>
        <translation>Archivo de caso: {name}</translation>
    </message>
    <message>
        <source>The cases were not all loaded; run the preflight again.</source>
        <translation>No se cargaron todos los casos; repita la comprobación previa.</translation>
    </message>
    <message>
        <source>The case “{case}” of the unfinished exam is not among the exams on this computer, so it cannot be resumed here.</source>
        <translation>El caso «{case}» del examen sin terminar no está entre los exámenes de este ordenador, así que no se puede reanudar aquí.</translation>
    </message>
    <message>
        <source>The unfinished exam&apos;s case no longer validates: {problem}</source>
        <translation>El caso del examen sin terminar ya no supera la validación: {problem}</translation>
    </message>
    <message>
        <source>its cases differ from the exam begun</source>
        <translation>sus casos no coinciden con los del examen empezado</translation>
    </message>
    <message>
        <source>The unfinished exam cannot be resumed: {reason}</source>
        <translation>No se puede reanudar el examen sin terminar: {reason}</translation>
    </message>
    <message>
        <source>Resumed exam</source>
        <translation>Examen reanudado</translation>
    </message>
</context>
<context>
    <name>ExamChecks</name>
    <message>
        <source>{problems}; and {more} more</source>
        <translation>{problems}; y {more} más</translation>
    </message>
    <message>
        <source>fails validation: {problems}</source>
        <translation>no supera la validación: {problems}</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>no se puede leer ({error})</translation>
    </message>
    <message>
        <source>valid ({title})</source>
        <translation>válido ({title})</translation>
    </message>
    <message>
        <source>decodes ({what})</source>
        <translation>se decodifica ({what})</translation>
    </message>
    <message>
        <source>Case {case}</source>
        <translation>Caso {case}</translation>
    </message>
    <message>
        <source>Media {file}</source>
        <translation>Multimedia {file}</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>audio</translation>
    </message>
    <message>
        <source>image</source>
        <translation>imagen</translation>
    </message>
    <message>
        <source>{what}, {seconds} s</source>
        <translation>{what}, {seconds} s</translation>
    </message>
</context>
<context>
    <name>ExamController</name>
    <message>
        <source>Please call your proctor.</source>
        <translation>Llame a su supervisor, por favor.</translation>
    </message>
    <message>
        <source>The answers could not be saved ({error}). Answers submitted earlier are safe. Fix the results folder (space, permissions), then restart the app: the exam resumes at the last saved checkpoint.</source>
        <translation>No se pudieron guardar las respuestas ({error}). Las respuestas enviadas antes están a salvo. Corrija la carpeta de resultados (espacio, permisos) y reinicie la aplicación: el examen se reanuda en el último punto de control guardado.</translation>
    </message>
    <message>
        <source>No replays left for {title}.</source>
        <translation>No quedan repeticiones de {title}.</translation>
    </message>
    <message>
        <source>The result file cannot be written: {error}</source>
        <translation>No se puede escribir el archivo de resultados: {error}</translation>
    </message>
    <message>
        <source>{what} could not be recorded: {error}</source>
        <translation>No se pudo registrar «{what}»: {error}</translation>
    </message>
    <message>
        <source>{what} is not possible now: {error}</source>
        <translation>«{what}» no es posible ahora: {error}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Adding time</source>
        <translation>Añadir tiempo</translation>
    </message>
    <message>
        <source>Recording an incident</source>
        <translation>Registrar una incidencia</translation>
    </message>
    <message>
        <source>Ending the case</source>
        <translation>Terminar el caso</translation>
    </message>
    <message>
        <source>The media cannot be restarted: {error}</source>
        <translation>No se puede reiniciar la reproducción: {error}</translation>
    </message>
</context>
<context>
    <name>ExamSitting</name>
    <message>
        <source>The result file cannot be created: {error}</source>
        <translation>No se puede crear el archivo de resultados: {error}</translation>
    </message>
    <message>
        <source>The case cannot start: {error}</source>
        <translation>El caso no puede comenzar: {error}</translation>
    </message>
    <message>
        <source>This exam is already open in another window of the app.</source>
        <translation>Este examen ya está abierto en otra ventana de la aplicación.</translation>
    </message>
    <message>
        <source>The unfinished exam cannot be reopened: {error}</source>
        <translation>No se puede volver a abrir el examen sin terminar: {error}</translation>
    </message>
    <message>
        <source>The unfinished exam holds no saved state to resume from.</source>
        <translation>El examen sin terminar no tiene ningún estado guardado desde el que reanudar.</translation>
    </message>
    <message>
        <source>The unfinished exam cannot be resumed: {error}</source>
        <translation>No se puede reanudar el examen sin terminar: {error}</translation>
    </message>
</context>
<context>
    <name>ExamTicker</name>
    <message>
        <source>The result file cannot be written: {error}</source>
        <translation>No se puede escribir el archivo de resultados: {error}</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <source>Feedback</source>
        <translation>Retroalimentación</translation>
    </message>
    <message>
        <source>Feedback, scrolls with the arrow keys</source>
        <translation>Retroalimentación; se desplaza con las flechas</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Go on with the case</source>
        <translation>Sigue con el caso</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Partly correct</source>
        <translation>Parcialmente correcto</translation>
    </message>
    <message>
        <source>Not correct</source>
        <translation>Incorrecto</translation>
    </message>
    <message>
        <source>{verdict}: {points} of {max_points} points</source>
        <translation>{verdict}: {points} de {max_points} puntos</translation>
    </message>
    <message>
        <source>Your answer: {answer}</source>
        <translation>Su respuesta: {answer}</translation>
    </message>
    <message>
        <source>Answer: {answer}</source>
        <translation>Respuesta: {answer}</translation>
    </message>
</context>
<context>
    <name>FollowBar</name>
    <message>
        <source>Skip to checkpoint</source>
        <translation>Saltar al punto de control</translation>
    </message>
    <message>
        <source>Branch to take</source>
        <translation>Rama que seguir</translation>
    </message>
    <message>
        <source>Take branch</source>
        <translation>Seguir la rama</translation>
    </message>
    <message>
        <source>Fill in answers that lead along the chosen branch</source>
        <translation>Rellena respuestas que llevan por la rama elegida</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>el final</translation>
    </message>
    <message>
        <source>→ {step}: {label}</source>
        <translation>→ {step}: {label}</translation>
    </message>
    <message>
        <source>{choice} (the answers now lead here)</source>
        <translation>{choice} (las respuestas actuales llevan aquí)</translation>
    </message>
</context>
<context>
    <name>HotspotCanvas</name>
    <message>
        <source>No marker placed yet.</source>
        <translation>Todavía no hay ningún marcador colocado.</translation>
    </message>
    <message>
        <source>Marker {number} at {x}, {y} pixels.</source>
        <translation>Marcador {number} en {x}; {y} píxeles.</translation>
    </message>
    <message numerus="yes">
        <source>{placed} of %n markers placed.</source>
        <translation>
            <numerusform>{placed} de %n marcador colocado.</numerusform>
            <numerusform>{placed} de %n marcadores colocados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Marker {number} is selected.</source>
        <translation>El marcador {number} está seleccionado.</translation>
    </message>
    <message numerus="yes">
        <source>All %n markers are placed. Drag one to move it, or select it and press Delete to remove it.</source>
        <translation>
            <numerusform>El marcador ya está colocado. Arrástrelo para moverlo, o selecciónelo y pulse Supr para quitarlo.</numerusform>
            <numerusform>Los %n marcadores ya están colocados. Arrastre uno para moverlo, o selecciónelo y pulse Supr para quitarlo.</numerusform>
        </translation>
    </message>
    <message>
        <source> (frames {first}–{last})</source>
        <translation> (fotogramas {first}–{last})</translation>
    </message>
</context>
<context>
    <name>HotspotQuestionWidget</name>
    <message>
        <source>Place a marker on the image: click to place it; click elsewhere or drag it to move it. Keyboard: the arrow keys move the cursor (Shift: 10 pixels), Enter places the marker, then the arrow keys move it; Delete removes it.</source>
        <translation>Coloque un marcador en la imagen: haga clic para colocarlo; haga clic en otro punto o arrástrelo para moverlo. Teclado: las flechas mueven el cursor (Mayús: 10 píxeles), Intro coloca el marcador y después las flechas lo mueven; Supr lo quita.</translation>
    </message>
    <message numerus="yes">
        <source>Place up to %n markers on the image: click to place each one, drag a marker to move it. Keyboard: the arrow keys move the cursor (Shift: 10 pixels) and Enter places a marker; press a marker&apos;s number to select it and move it with the arrow keys; Delete removes the selected marker.</source>
        <translation>
            <numerusform>Coloque hasta %n marcador en la imagen: haga clic para colocarlo y arrástrelo para moverlo. Teclado: las flechas mueven el cursor (Mayús: 10 píxeles) e Intro coloca el marcador; pulse su número para seleccionarlo y moverlo con las flechas; Supr quita el marcador seleccionado.</numerusform>
            <numerusform>Coloque hasta %n marcadores en la imagen: haga clic para colocar cada uno y arrastre un marcador para moverlo. Teclado: las flechas mueven el cursor (Mayús: 10 píxeles) e Intro coloca un marcador; pulse el número de un marcador para seleccionarlo y moverlo con las flechas; Supr quita el marcador seleccionado.</numerusform>
        </translation>
    </message>
    <message>
        <source>Image to mark</source>
        <translation>Imagen para marcar</translation>
    </message>
    <message>
        <source>Marker status</source>
        <translation>Estado de los marcadores</translation>
    </message>
    <message>
        <source>Remove marker</source>
        <translation>Quitar marcador</translation>
    </message>
    <message>
        <source>Removes the selected marker, or the last one placed. Delete does the same on the image.</source>
        <translation>Quita el marcador seleccionado o el último colocado. Supr hace lo mismo sobre la imagen.</translation>
    </message>
    <message>
        <source>Image to mark, {width} by {height} pixels</source>
        <translation>Imagen para marcar, de {width} por {height} píxeles</translation>
    </message>
    <message>
        <source>Correct region (green, solid outline, ✓): {regions}.</source>
        <translation>Región correcta (verde, contorno continuo, ✓): {regions}.</translation>
    </message>
    <message>
        <source>Correct regions (green, solid outline, ✓): {regions}.</source>
        <translation>Regiones correctas (verde, contorno continuo, ✓): {regions}.</translation>
    </message>
    <message>
        <source>Other regions (orange, dashed outline): {regions}.</source>
        <translation>Otras regiones (naranja, contorno discontinuo): {regions}.</translation>
    </message>
</context>
<context>
    <name>ImageCanvas</name>
    <message>
        <source>The image is not available.</source>
        <translation>La imagen no está disponible.</translation>
    </message>
</context>
<context>
    <name>MediaArea</name>
    <message>
        <source>Media</source>
        <translation>Multimedia</translation>
    </message>
    <message>
        <source>The case video, ultrasound clip or image</source>
        <translation>El vídeo del caso, el clip de ecografía o la imagen</translation>
    </message>
</context>
<context>
    <name>MediaWidget</name>
    <message>
        <source>Narration</source>
        <translation>Narración</translation>
    </message>
    <message>
        <source>Audio narration</source>
        <translation>Narración en audio</translation>
    </message>
</context>
<context>
    <name>OptionRow</name>
    <message>
        <source>A diagnosis is not possible from the information given</source>
        <translation>No es posible establecer un diagnóstico con la información disponible</translation>
    </message>
    <message>
        <source>Correct answer</source>
        <translation>Respuesta correcta</translation>
    </message>
    <message>
        <source>Option {letter}: {text}</source>
        <translation>Opción {letter}: {text}</translation>
    </message>
    <message>
        <source>Tick or untick this option with Space, or press {number} or {letter}.</source>
        <translation>Marque o desmarque esta opción con Espacio, o pulse {number} o {letter}.</translation>
    </message>
    <message>
        <source>Tick or untick this option with Space.</source>
        <translation>Marque o desmarque esta opción con Espacio.</translation>
    </message>
    <message>
        <source>Choose this option with Space, or press {number} or {letter}.</source>
        <translation>Elija esta opción con Espacio, o pulse {number} o {letter}.</translation>
    </message>
    <message>
        <source>Choose this option with Space.</source>
        <translation>Elija esta opción con Espacio.</translation>
    </message>
    <message>
        <source>Up and Down move between options.</source>
        <translation>Las flechas arriba y abajo recorren las opciones.</translation>
    </message>
    <message>
        <source>Ticking it clears the other options.</source>
        <translation>Al marcarla se desmarcan las demás opciones.</translation>
    </message>
</context>
<context>
    <name>OrderRow</name>
    <message>
        <source>Drag to reorder</source>
        <translation>Arrastre para reordenar</translation>
    </message>
    <message>
        <source>Alt+Up or Alt+Down (Ctrl+Up or Ctrl+Down) moves this item one place; Up and Down go to the previous or next item. It can also be dragged.</source>
        <translation>Alt+Arriba o Alt+Abajo (Ctrl+Arriba o Ctrl+Abajo) mueve este elemento un puesto; Arriba y Abajo van al elemento anterior o siguiente. También se puede arrastrar.</translation>
    </message>
    <message>
        <source>Position {position} of {count}: {text}</source>
        <translation>Posición {position} de {count}: {text}</translation>
    </message>
</context>
<context>
    <name>OrderingQuestionWidget</name>
    <message>
        <source>Put the items in order, first at the top. Drag an item to its place, or select it and use Move up and Move down. Keyboard: Up and Down go between items, Alt+Up and Alt+Down (or Ctrl+Up and Ctrl+Down) move the item in focus.</source>
        <translation>Ordene los elementos, con el primero arriba. Arrastre cada elemento a su lugar, o selecciónelo y use Subir y Bajar. Teclado: Arriba y Abajo recorren los elementos; Alt+Arriba y Alt+Abajo (o Ctrl+Arriba y Ctrl+Abajo) mueven el elemento que tiene el foco.</translation>
    </message>
    <message>
        <source>Items to put in order</source>
        <translation>Elementos para ordenar</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Moves the selected item one place up (Alt+Up).</source>
        <translation>Sube un puesto el elemento seleccionado (Alt+Arriba).</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Moves the selected item one place down (Alt+Down).</source>
        <translation>Baja un puesto el elemento seleccionado (Alt+Abajo).</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>Estado del orden</translation>
    </message>
    <message>
        <source>Keep this order</source>
        <translation>Mantener este orden</translation>
    </message>
    <message>
        <source>Records the list as it is now as your answer, without moving anything.</source>
        <translation>Registra la lista tal como está ahora como su respuesta, sin mover nada.</translation>
    </message>
    <message>
        <source>Moved “{text}” to position {position} of {count}.</source>
        <translation>«{text}» movido a la posición {position} de {count}.</translation>
    </message>
    <message>
        <source>The order shown is recorded as your answer.</source>
        <translation>El orden mostrado queda registrado como su respuesta.</translation>
    </message>
    <message>
        <source>Your order is recorded.</source>
        <translation>Su orden ha quedado registrado.</translation>
    </message>
    <message>
        <source>The list starts in the order the options were written. Move items, or choose “Keep this order” if it is already your answer.</source>
        <translation>La lista empieza en el orden en que se escribieron las opciones. Mueva los elementos, o elija «Mantener este orden» si ya es su respuesta.</translation>
    </message>
    <message>
        <source>Correct order:</source>
        <translation>Orden correcto:</translation>
    </message>
</context>
<context>
    <name>PackageUnlock</name>
    <message>
        <source>Package {name}</source>
        <translation>Paquete {name}</translation>
    </message>
    <message>
        <source>Type the package passphrase on the set-up page (Back to set-up).</source>
        <translation>Escriba la contraseña del paquete en la página de configuración (Volver a la configuración).</translation>
    </message>
    <message>
        <source>its keys are withheld by the board: it cannot run in practice mode</source>
        <translation>el tribunal retiene sus claves: no se puede usar en modo de práctica</translation>
    </message>
    <message>
        <source>unlocked ({title})</source>
        <translation>desbloqueado ({title})</translation>
    </message>
    <message>
        <source>Center key</source>
        <translation>Clave del centro</translation>
    </message>
    <message>
        <source> (DEMO signing key: proves nothing)</source>
        <translation> (clave de firma DEMO: no prueba nada)</translation>
    </message>
    <message>
        <source>; valid until {date}</source>
        <translation>; válido hasta {date}</translation>
    </message>
    <message>
        <source>; keys withheld (scored by the board)</source>
        <translation>; claves retenidas (lo puntúa el tribunal)</translation>
    </message>
    <message>
        <source>the package holds no {file}</source>
        <translation>el paquete no contiene {file}</translation>
    </message>
    <message>
        <source>decrypts, but does not decode from memory: {error}</source>
        <translation>se descifra, pero no se decodifica desde la memoria: {error}</translation>
    </message>
    <message>
        <source>decrypts and decodes in memory ({what})</source>
        <translation>se descifra y se decodifica en memoria ({what})</translation>
    </message>
    <message>
        <source>decrypts in memory and matches ({what})</source>
        <translation>se descifra en memoria y coincide ({what})</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>Proctor PIN</source>
        <translation>PIN del supervisor</translation>
    </message>
    <message>
        <source>The proctor PIN, {low} to {high} digits</source>
        <translation>El PIN del supervisor, de {low} a {high} dígitos</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Repita el PIN nuevo</translation>
    </message>
    <message>
        <source>Type the new PIN again to confirm it</source>
        <translation>Escriba de nuevo el PIN nuevo para confirmarlo</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Repeat PIN:</source>
        <translation>&amp;Repetir PIN:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Check the PIN</source>
        <translation>Comprobar el PIN</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close without unlocking</source>
        <translation>Cerrar sin desbloquear</translation>
    </message>
    <message>
        <source>Set the proctor PIN</source>
        <translation>Establecer el PIN del supervisor</translation>
    </message>
    <message>
        <source>&amp;Set PIN</source>
        <translation>&amp;Establecer PIN</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Establecer PIN</translation>
    </message>
    <message>
        <source>No PIN is set on this computer yet. Choose one of {low} to {high} digits; it is needed to start, pause and end exams.</source>
        <translation>Todavía no hay ningún PIN en este ordenador. Elija uno de {low} a {high} dígitos; se necesita para iniciar, pausar y finalizar exámenes.</translation>
    </message>
    <message>
        <source>You can try the PIN again.</source>
        <translation>Ya puede volver a intentar el PIN.</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>Los dos PIN no coinciden. Escriba el mismo PIN dos veces.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n try(s) left before a {seconds}-second lockout.</source>
        <translation>
            <numerusform>PIN incorrecto. Queda %n intento antes de un bloqueo de {seconds} segundos.</numerusform>
            <numerusform>PIN incorrecto. Quedan %n intentos antes de un bloqueo de {seconds} segundos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Demasiados PIN incorrectos. Vuelva a intentarlo dentro de %n segundo.</numerusform>
            <numerusform>Demasiados PIN incorrectos. Vuelva a intentarlo dentro de %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The PIN must be {low} to {high} digits long.</source>
        <translation>El PIN debe tener de {low} a {high} dígitos.</translation>
    </message>
</context>
<context>
    <name>PreflightPage</name>
    <message>
        <source>Preflight checks</source>
        <translation>Comprobaciones previas</translation>
    </message>
    <message>
        <source>Preflight results</source>
        <translation>Resultados de las comprobaciones previas</translation>
    </message>
    <message>
        <source>One line per check, marked passed or failed</source>
        <translation>Una línea por comprobación, marcada como superada o fallida</translation>
    </message>
    <message>
        <source>&amp;Start the exam</source>
        <translation>&amp;Iniciar el examen</translation>
    </message>
    <message>
        <source>Start exam</source>
        <translation>Iniciar el examen</translation>
    </message>
    <message>
        <source>Hand over to the candidate: the instructions of the first case appear</source>
        <translation>Entrega el equipo al candidato: aparecen las instrucciones del primer caso</translation>
    </message>
    <message>
        <source>&amp;Run the checks again</source>
        <translation>&amp;Repetir las comprobaciones</translation>
    </message>
    <message>
        <source>Run checks again</source>
        <translation>Repetir las comprobaciones</translation>
    </message>
    <message>
        <source>Repeat the preflight checks</source>
        <translation>Vuelve a hacer las comprobaciones previas</translation>
    </message>
    <message>
        <source>&amp;Back to set-up</source>
        <translation>&amp;Volver a la configuración</translation>
    </message>
    <message>
        <source>Back to set-up</source>
        <translation>Volver a la configuración</translation>
    </message>
    <message>
        <source>Change the exam or the candidate</source>
        <translation>Cambia el examen o el candidato</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FALLO</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>REVISAR</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>{mark} · {check}: {detail}</source>
        <translation>{mark} · {check}: {detail}</translation>
    </message>
    <message>
        <source>{check}: {mark}. {detail}</source>
        <translation>{check}: {mark}. {detail}</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed. Fix them (see the lines marked {failed}) and run the checks again; the exam cannot start until every check passes.</source>
        <translation>
            <numerusform>Ha fallado %n comprobación. Corríjala (vea la línea marcada {failed}) y repita las comprobaciones; el examen no puede empezar hasta que se superen todas.</numerusform>
            <numerusform>Han fallado %n comprobaciones. Corríjalas (vea las líneas marcadas {failed}) y repita las comprobaciones; el examen no puede empezar hasta que se superen todas.</numerusform>
        </translation>
    </message>
    <message>
        <source>All checks passed. Play the test tone and confirm the candidate heard it.</source>
        <translation>Se han superado todas las comprobaciones. Reproduzca el tono de prueba y confirme que el candidato lo ha oído.</translation>
    </message>
</context>
<context>
    <name>PreviewFollow</name>
    <message>
        <source>following stopped</source>
        <translation>seguimiento detenido</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Check answer</source>
        <translation>Comprobar la respuesta</translation>
    </message>
    <message>
        <source>Skip to checkpoint</source>
        <translation>Saltar al punto de control</translation>
    </message>
    <message>
        <source>Skip to the end</source>
        <translation>Saltar al final</translation>
    </message>
    <message>
        <source>playing {media} to checkpoint {checkpoint}</source>
        <translation>reproduciendo {media} hasta el punto de control {checkpoint}</translation>
    </message>
    <message>
        <source>playing {media} to its end</source>
        <translation>reproduciendo {media} hasta el final</translation>
    </message>
    <message>
        <source>Step {step}: {where}.</source>
        <translation>Paso {step}: {where}.</translation>
    </message>
    <message numerus="yes">
        <source>Step {step}: answer %n question(s), then Submit.</source>
        <translation>
            <numerusform>Paso {step}: responda %n pregunta y después pulse Enviar.</numerusform>
            <numerusform>Paso {step}: responda %n preguntas y después pulse Enviar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot submit: {error}</source>
        <translation>No se puede enviar: {error}</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>No answers to this checkpoint lead to {step}: it depends on earlier answers or state.</source>
        <translation>Ninguna respuesta de este punto de control lleva a {step}: depende de respuestas o estados anteriores.</translation>
    </message>
    <message>
        <source>Answers filled in to take the branch to {step}; press Submit.</source>
        <translation>Respuestas rellenadas para seguir la rama hacia {step}; pulse Enviar.</translation>
    </message>
</context>
<context>
    <name>PreviewPlayer</name>
    <message>
        <source>Media: {problem}</source>
        <translation>Multimedia: {problem}</translation>
    </message>
    <message>
        <source>still image</source>
        <translation>imagen fija</translation>
    </message>
    <message>
        <source>frame {frame}/{last}</source>
        <translation>fotograma {frame}/{last}</translation>
    </message>
</context>
<context>
    <name>PreviewStage</name>
    <message>
        <source>checkpoint {checkpoint} at {time}</source>
        <translation>punto de control {checkpoint} en {time}</translation>
    </message>
</context>
<context>
    <name>PreviewToolbar</name>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>Mostrar la clave</translation>
    </message>
    <message>
        <source>Mark the correct answers and show the rationale (Ctrl+K)</source>
        <translation>Marca las respuestas correctas y muestra la justificación (Ctrl+K)</translation>
    </message>
    <message>
        <source>Follow the case</source>
        <translation>Seguir el caso</translation>
    </message>
    <message>
        <source>Run the case as a candidate would, in practice mode (Ctrl+F)</source>
        <translation>Recorre el caso como lo haría un candidato, en modo de práctica (Ctrl+F)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>Export review packet…</source>
        <translation>Exportar el paquete de revisión…</translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message>
        <source>Preview: {file}</source>
        <translation>Vista previa: {file}</translation>
    </message>
    <message>
        <source>the case changed on disk; following stopped</source>
        <translation>el caso cambió en el disco; seguimiento detenido</translation>
    </message>
    <message>
        <source>following stopped to browse</source>
        <translation>seguimiento detenido para explorar</translation>
    </message>
    <message>
        <source>Export review packet</source>
        <translation>Exportar el paquete de revisión</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Escribiendo {file}…</translation>
    </message>
    <message>
        <source>Review packet</source>
        <translation>Paquete de revisión</translation>
    </message>
    <message numerus="yes">
        <source>Review packet written: {path} (%n page(s))</source>
        <translation>
            <numerusform>Paquete de revisión escrito: {path} (%n página)</numerusform>
            <numerusform>Paquete de revisión escrito: {path} (%n páginas)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Errors and warnings; press Enter or double-click to open the file at the line</source>
        <translation>Errores y avisos; pulse Intro o haga doble clic para abrir el archivo en esa línea</translation>
    </message>
    <message>
        <source>{path}
Double-click to open it at line {line}.</source>
        <translation>{path}
Haga doble clic para abrirlo en la línea {line}.</translation>
    </message>
    <message numerus="yes">
        <source>{time}: {script} has %n error(s); the last valid version stays on screen. Double-click a problem to open it.</source>
        <translation>
            <numerusform>{time}: {script} tiene %n error; la última versión válida sigue en pantalla. Haga doble clic en un problema para abrirlo.</numerusform>
            <numerusform>{time}: {script} tiene %n errores; la última versión válida sigue en pantalla. Haga doble clic en un problema para abrirlo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{time}: {script} has %n error(s). Double-click a problem to open it.</source>
        <translation>
            <numerusform>{time}: {script} tiene %n error. Haga doble clic en un problema para abrirlo.</numerusform>
            <numerusform>{time}: {script} tiene %n errores. Haga doble clic en un problema para abrirlo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{time}: {script} loaded, %n warning(s).</source>
        <translation>
            <numerusform>{time}: {script} cargado, %n aviso.</numerusform>
            <numerusform>{time}: {script} cargado, %n avisos.</numerusform>
        </translation>
    </message>
    <message>
        <source>{status} ({note})</source>
        <translation>{status} ({note})</translation>
    </message>
</context>
<context>
    <name>ProctorPanel</name>
    <message>
        <source>Technical problem</source>
        <translation>Problema técnico</translation>
    </message>
    <message>
        <source>Candidate unwell</source>
        <translation>Candidato indispuesto</translation>
    </message>
    <message>
        <source>Disruption in the room</source>
        <translation>Interrupción en la sala</translation>
    </message>
    <message>
        <source>Suspected misconduct</source>
        <translation>Sospecha de conducta indebida</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
    <message>
        <source>Proctor panel</source>
        <translation>Panel del supervisor</translation>
    </message>
    <message>
        <source>Exam status</source>
        <translation>Estado del examen</translation>
    </message>
    <message>
        <source>&amp;Pause exam</source>
        <translation>&amp;Pausar examen</translation>
    </message>
    <message>
        <source>Pause exam</source>
        <translation>Pausar examen</translation>
    </message>
    <message>
        <source>Stop the media and the timer; hide the questions</source>
        <translation>Detiene la reproducción y el temporizador; oculta las preguntas</translation>
    </message>
    <message>
        <source>&amp;Resume exam</source>
        <translation>&amp;Reanudar examen</translation>
    </message>
    <message>
        <source>Resume exam</source>
        <translation>Reanudar examen</translation>
    </message>
    <message>
        <source>Continue the exam where it stopped</source>
        <translation>Continúa el examen donde se detuvo</translation>
    </message>
    <message>
        <source>Retry &amp;media</source>
        <translation>Reintentar &amp;multimedia</translation>
    </message>
    <message>
        <source>Retry media</source>
        <translation>Reintentar multimedia</translation>
    </message>
    <message>
        <source>Load the failed media again and continue</source>
        <translation>Vuelve a cargar el contenido multimedia que falló y continúa</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes to add</source>
        <translation>Minutos que añadir</translation>
    </message>
    <message>
        <source>Extra time to grant, in minutes</source>
        <translation>Tiempo adicional que conceder, en minutos</translation>
    </message>
    <message>
        <source>&amp;Add time</source>
        <translation>&amp;Añadir tiempo</translation>
    </message>
    <message>
        <source>Add time</source>
        <translation>Añadir tiempo</translation>
    </message>
    <message>
        <source>Grant the extra minutes to this case</source>
        <translation>Concede los minutos adicionales a este caso</translation>
    </message>
    <message>
        <source>Incident category</source>
        <translation>Tipo de incidencia</translation>
    </message>
    <message>
        <source>What kind of incident to record</source>
        <translation>Qué tipo de incidencia se registra</translation>
    </message>
    <message>
        <source>What happened (no candidate answers)</source>
        <translation>Qué ha ocurrido (sin respuestas del candidato)</translation>
    </message>
    <message>
        <source>Incident note</source>
        <translation>Nota de la incidencia</translation>
    </message>
    <message>
        <source>A short note describing the incident</source>
        <translation>Una nota breve que describa la incidencia</translation>
    </message>
    <message>
        <source>Record &amp;incident</source>
        <translation>Registrar &amp;incidencia</translation>
    </message>
    <message>
        <source>Record incident</source>
        <translation>Registrar incidencia</translation>
    </message>
    <message>
        <source>Write the incident into the result file</source>
        <translation>Escribe la incidencia en el archivo de resultados</translation>
    </message>
    <message>
        <source>Reason for ending the case</source>
        <translation>Motivo para finalizar el caso</translation>
    </message>
    <message>
        <source>Reason for ending</source>
        <translation>Motivo de la finalización</translation>
    </message>
    <message>
        <source>Why the case is ended early</source>
        <translation>Por qué se finaliza el caso antes de tiempo</translation>
    </message>
    <message>
        <source>&amp;End case now…</source>
        <translation>&amp;Finalizar el caso ahora…</translation>
    </message>
    <message>
        <source>End case</source>
        <translation>Finalizar caso</translation>
    </message>
    <message>
        <source>End this case now; answers given are kept</source>
        <translation>Finaliza este caso ahora; las respuestas dadas se conservan</translation>
    </message>
    <message>
        <source>Yes, end the &amp;case</source>
        <translation>Sí, finalizar el &amp;caso</translation>
    </message>
    <message>
        <source>Confirm end case</source>
        <translation>Confirmar la finalización del caso</translation>
    </message>
    <message>
        <source>End the case now; this cannot be undone</source>
        <translation>Finaliza el caso ahora; no se puede deshacer</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>Acciones realizadas</translation>
    </message>
    <message>
        <source>Proctor actions recorded during this exam</source>
        <translation>Acciones del supervisor registradas durante este examen</translation>
    </message>
    <message>
        <source>Back to the &amp;candidate screen</source>
        <translation>Volver a la pantalla del &amp;candidato</translation>
    </message>
    <message>
        <source>Close proctor panel</source>
        <translation>Cerrar el panel del supervisor</translation>
    </message>
    <message>
        <source>Return to the candidate&apos;s screen</source>
        <translation>Vuelve a la pantalla del candidato</translation>
    </message>
    <message>
        <source>&amp;Close the exam and lock</source>
        <translation>Cerrar el examen y &amp;bloquear</translation>
    </message>
    <message>
        <source>Close the exam</source>
        <translation>Cerrar el examen</translation>
    </message>
    <message>
        <source>Leave this exam (it has ended) and return to the locked start screen</source>
        <translation>Sale de este examen (ya ha terminado) y vuelve a la pantalla de inicio bloqueada</translation>
    </message>
    <message>
        <source>Exam:</source>
        <translation>Examen:</translation>
    </message>
    <message>
        <source>Extra &amp;time:</source>
        <translation>&amp;Tiempo adicional:</translation>
    </message>
    <message>
        <source>I&amp;ncident:</source>
        <translation>Inci&amp;dencia:</translation>
    </message>
    <message>
        <source>En&amp;d:</source>
        <translation>Fi&amp;nalizar:</translation>
    </message>
    <message>
        <source>Recorded in this sitting:</source>
        <translation>Registrado en esta sesión:</translation>
    </message>
    <message>
        <source>Candidate {name} ({id}) · case {number} of {count}: {title} · {state} · time left {time_left} · time multiplier {multiplier}</source>
        <translation>Candidato {name} ({id}) · caso {number} de {count}: {title} · {state} · tiempo restante {time_left} · multiplicador de tiempo {multiplier}</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>sin empezar</translation>
    </message>
    <message>
        <source>playing</source>
        <translation>en reproducción</translation>
    </message>
    <message>
        <source>at a question</source>
        <translation>en una pregunta</translation>
    </message>
    <message>
        <source>reviewing</source>
        <translation>en revisión</translation>
    </message>
    <message>
        <source>paused by the proctor</source>
        <translation>en pausa por el supervisor</translation>
    </message>
    <message>
        <source>time expired</source>
        <translation>tiempo agotado</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>ended early</source>
        <translation>finalizado antes de tiempo</translation>
    </message>
    <message>
        <source>Exam paused.</source>
        <translation>Examen en pausa.</translation>
    </message>
    <message>
        <source>Exam resumed.</source>
        <translation>Examen reanudado.</translation>
    </message>
    <message>
        <source>Media restarted.</source>
        <translation>Contenido multimedia reiniciado.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) added.</source>
        <translation>
            <numerusform>%n minuto añadido.</numerusform>
            <numerusform>%n minutos añadidos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Incident recorded: {category}.</source>
        <translation>Incidencia registrada: {category}.</translation>
    </message>
    <message>
        <source>Case ended.</source>
        <translation>Caso finalizado.</translation>
    </message>
</context>
<context>
    <name>QuestionWidget</name>
    <message>
        <source>Question</source>
        <extracomment>True when the body (an image) should take the spare height; else the key and rationale follow the body directly and the spare height stays at the bottom. Shown under the stem: how to answer, by mouse and by keyboard. The body places the &quot;how to answer&quot; button itself (in a row of its own buttons, which saves a line of height for the image).</extracomment>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Scroll the question</source>
        <translation>Desplazar la pregunta</translation>
    </message>
    <message>
        <source>Shows the rest of the question when it does not fit.</source>
        <translation>Muestra el resto de la pregunta cuando no cabe.</translation>
    </message>
    <message>
        <source>Hide how to answer</source>
        <translation>Ocultar cómo responder</translation>
    </message>
    <message>
        <source>How to answer</source>
        <translation>Cómo responder</translation>
    </message>
    <message>
        <source>Shows or hides how to answer this question by mouse and by keyboard</source>
        <translation>Muestra u oculta cómo responder a esta pregunta con el ratón y con el teclado</translation>
    </message>
    <message>
        <source>Answer key</source>
        <translation>Clave de respuesta</translation>
    </message>
    <message>
        <source>Rationale: {text}</source>
        <translation>Justificación: {text}</translation>
    </message>
    <message>
        <source>Show how to answer</source>
        <translation>Mostrar cómo responder</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Check answer</source>
        <translation>Comprobar la respuesta</translation>
    </message>
    <message>
        <source>Score the answers given, as the exam would</source>
        <translation>Puntúa las respuestas dadas, como lo haría el examen</translation>
    </message>
    <message>
        <source>Answer with the key</source>
        <translation>Responder con la clave</translation>
    </message>
    <message>
        <source>Clear answers</source>
        <translation>Borrar las respuestas</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>{question} ({points} pt)</source>
        <translation>{question} ({points} pt)</translation>
    </message>
    <message>
        <source>No questions here; pick a checkpoint or a question in the outline.</source>
        <translation>Aquí no hay preguntas; elija un punto de control o una pregunta en el esquema.</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <source>Results folder</source>
        <translation>Carpeta de resultados</translation>
    </message>
    <message>
        <source>{folder} is writable, {free} MB free (at least {minimum} MB)</source>
        <translation>{folder} admite escritura, {free} MB libres (al menos {minimum} MB)</translation>
    </message>
    <message>
        <source>Board key</source>
        <translation>Clave del tribunal</translation>
    </message>
    <message>
        <source>No board key is configured.</source>
        <translation>No hay ninguna clave del tribunal configurada.</translation>
    </message>
    <message>
        <source>{key} present (the DEMO key: anyone can read these results)</source>
        <translation>{key} presente (la clave DEMO: cualquiera puede leer estos resultados)</translation>
    </message>
    <message>
        <source>{key} present</source>
        <translation>{key} presente</translation>
    </message>
</context>
<context>
    <name>ResumePage</name>
    <message>
        <source>An unfinished exam was found</source>
        <translation>Se ha encontrado un examen sin terminar</translation>
    </message>
    <message>
        <source>Unfinished exams</source>
        <translation>Exámenes sin terminar</translation>
    </message>
    <message>
        <source>Exams that stopped before they were submitted</source>
        <translation>Exámenes que se detuvieron antes de enviarse</translation>
    </message>
    <message>
        <source>&amp;Resume the selected exam</source>
        <translation>&amp;Reanudar el examen seleccionado</translation>
    </message>
    <message>
        <source>Resume exam</source>
        <translation>Reanudar el examen</translation>
    </message>
    <message>
        <source>Continue the exam at its last submitted checkpoint with its remaining time</source>
        <translation>Continúa el examen en su último punto de control enviado, con el tiempo que le quedaba</translation>
    </message>
    <message>
        <source>Set up a &amp;new exam instead</source>
        <translation>Configurar un examen &amp;nuevo</translation>
    </message>
    <message>
        <source>New exam</source>
        <translation>Examen nuevo</translation>
    </message>
    <message>
        <source>Leave the unfinished exam for later and set up a new one</source>
        <translation>Deja el examen sin terminar para más tarde y configura uno nuevo</translation>
    </message>
    <message>
        <source>Candidate {id} · case {case} · started {started}</source>
        <translation>Candidato {id} · caso {case} · iniciado {started}</translation>
    </message>
    <message>
        <source>The app stopped before this exam was submitted (a crash or a power cut). Resuming continues after the last submitted checkpoint with the time that was left; answers submitted before are kept.</source>
        <translation>La aplicación se detuvo antes de que se enviara este examen (un fallo o un corte de corriente). Al reanudarlo, continúa tras el último punto de control enviado con el tiempo que quedaba; las respuestas enviadas antes se conservan.</translation>
    </message>
    <message>
        <source>{time} UTC</source>
        <translation>{time} UTC</translation>
    </message>
</context>
<context>
    <name>SegmentPlayer</name>
    <message>
        <source>The result file cannot be written: {error}</source>
        <translation>No se puede escribir el archivo de resultados: {error}</translation>
    </message>
    <message>
        <source>No sound: {problem}</source>
        <translation>Sin sonido: {problem}</translation>
    </message>
    <message>
        <source>A media file failed: {problem}. The timer is stopped and answers so far are saved. Use &apos;Retry media&apos; in the proctor panel, or end the case.</source>
        <translation>Ha fallado un archivo multimedia: {problem}. El temporizador está detenido y las respuestas hasta ahora están guardadas. Use «Reintentar multimedia» en el panel del supervisor, o termine el caso.</translation>
    </message>
</context>
<context>
    <name>Selftest</name>
    <message>
        <source>Screen size</source>
        <translation>Tamaño de pantalla</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Pantalla</translation>
    </message>
    <message>
        <source>not checked: no display</source>
        <translation>sin comprobar: no hay pantalla</translation>
    </message>
    <message>
        <source>Qt finds no screen on this display</source>
        <translation>Qt no encuentra ninguna pantalla en este servidor gráfico</translation>
    </message>
    <message>
        <source>not checked: no screen</source>
        <translation>sin comprobar: no hay pantalla</translation>
    </message>
    <message>
        <source>{size} at {percent} % scaling</source>
        <translation>{size} con escala del {percent} %</translation>
    </message>
    <message>
        <source>{platform} with {count} screen(s)</source>
        <translation>{platform} con {count} pantalla(s)</translation>
    </message>
    <message>
        <source>the screen is {size}; the exam needs at least {minimum} (raise the resolution or lower the scaling)</source>
        <translation>la pantalla es de {size}; el examen necesita al menos {minimum} (suba la resolución o reduzca la escala)</translation>
    </message>
    <message>
        <source>{size} (at least {minimum})</source>
        <translation>{size} (al menos {minimum})</translation>
    </message>
    <message>
        <source>not loaded: {error}</source>
        <translation>no cargado: {error}</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>The language of the screens; cases stay in the language they were written in</source>
        <translation>El idioma de las pantallas; los casos se muestran en el idioma en que se escribieron</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>One case, or a certificate made of several cases</source>
        <translation>Un caso, o un certificado formado por varios casos</translation>
    </message>
    <message>
        <source>Open an exam pac&amp;kage…</source>
        <translation>Abrir un &amp;paquete de examen…</translation>
    </message>
    <message>
        <source>Open exam package</source>
        <translation>Abrir un paquete de examen</translation>
    </message>
    <message>
        <source>Choose a sealed .pocusexam file given by the certifying body</source>
        <translation>Elija un archivo .pocusexam sellado que haya entregado el organismo certificador</translation>
    </message>
    <message>
        <source>Package passphrase</source>
        <translation>Contraseña del paquete</translation>
    </message>
    <message>
        <source>The passphrase that unlocks the sealed exam package for this sitting</source>
        <translation>La contraseña que desbloquea el paquete de examen sellado para esta sesión</translation>
    </message>
    <message>
        <source>Candidate ID</source>
        <translation>ID del candidato</translation>
    </message>
    <message>
        <source>The candidate&apos;s ID: letters, digits, dots and hyphens, up to 40</source>
        <translation>El ID del candidato: letras, cifras, puntos y guiones, hasta 40</translation>
    </message>
    <message>
        <source>Candidate name</source>
        <translation>Nombre del candidato</translation>
    </message>
    <message>
        <source>The candidate&apos;s full name, as on their ID</source>
        <translation>El nombre completo del candidato, como figura en su documento de identidad</translation>
    </message>
    <message>
        <source>{factor} × time (standard)</source>
        <translation>{factor} × tiempo (estándar)</translation>
    </message>
    <message>
        <source>{factor} × time</source>
        <translation>{factor} × tiempo</translation>
    </message>
    <message>
        <source>Time multiplier</source>
        <translation>Multiplicador de tiempo</translation>
    </message>
    <message>
        <source>Extra time accommodation for this candidate</source>
        <translation>Adaptación de tiempo adicional para este candidato</translation>
    </message>
    <message>
        <source>Captions always on</source>
        <translation>Subtítulos siempre activados</translation>
    </message>
    <message>
        <source>The candidate cannot switch captions off</source>
        <translation>El candidato no puede desactivar los subtítulos</translation>
    </message>
    <message>
        <source>Larger text (200 %)</source>
        <translation>Texto más grande (200 %)</translation>
    </message>
    <message>
        <source>Show questions, captions and the script at twice the size</source>
        <translation>Muestra las preguntas, los subtítulos y el texto escrito al doble de tamaño</translation>
    </message>
    <message>
        <source>High-contrast colours</source>
        <translation>Colores de alto contraste</translation>
    </message>
    <message>
        <source>White on black with strong focus outlines</source>
        <translation>Blanco sobre negro, con contornos de foco marcados</translation>
    </message>
    <message>
        <source>Practice mode</source>
        <translation>Modo de práctica</translation>
    </message>
    <message>
        <source>Feedback after each answer, in a window: scores, keys and explanations are shown to the candidate</source>
        <translation>Comentarios tras cada respuesta, en una ventana: el candidato ve las puntuaciones, las claves y las explicaciones</translation>
    </message>
    <message>
        <source>Set up the exam</source>
        <translation>Configurar el examen</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Exam:</source>
        <translation>&amp;Examen:</translation>
    </message>
    <message>
        <source>Package pa&amp;ssphrase:</source>
        <translation>&amp;Contraseña del paquete:</translation>
    </message>
    <message>
        <source>Candidate &amp;ID:</source>
        <translation>I&amp;D del candidato:</translation>
    </message>
    <message>
        <source>Candidate &amp;name:</source>
        <translation>&amp;Nombre del candidato:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Tiempo:</translation>
    </message>
    <message>
        <source>Accommodations:</source>
        <translation>Adaptaciones:</translation>
    </message>
    <message>
        <source>Run the &amp;preflight checks</source>
        <translation>Hacer las comprobaciones &amp;previas</translation>
    </message>
    <message>
        <source>Run preflight</source>
        <translation>Comprobaciones previas</translation>
    </message>
    <message>
        <source>Check the cases, media, sound, results folder and board key</source>
        <translation>Comprueba los casos, el contenido multimedia, el sonido, la carpeta de resultados y la clave del tribunal</translation>
    </message>
    <message>
        <source>No exam is available.</source>
        <translation>No hay ningún examen disponible.</translation>
    </message>
    <message>
        <source>Sealed package {name}: its cases are checked and unlocked at the preflight (type the passphrase, unless this center&apos;s key opens it).</source>
        <translation>Paquete sellado {name}: sus casos se comprueban y se desbloquean en las comprobaciones previas (escriba la contraseña, salvo que la clave de este centro lo abra).</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in order: {names}</source>
        <translation>
            <numerusform>%n caso en orden: {names}</numerusform>
            <numerusform>%n casos en orden: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Case: {names}</source>
        <translation>Caso: {names}</translation>
    </message>
    <message>
        <source>Enter the candidate ID (letters, digits, . and -).</source>
        <translation>Escriba el ID del candidato (letras, cifras, . y -).</translation>
    </message>
    <message>
        <source>Enter the candidate&apos;s name.</source>
        <translation>Escriba el nombre del candidato.</translation>
    </message>
    <message>
        <source>No exam is available to choose.</source>
        <translation>No hay ningún examen disponible para elegir.</translation>
    </message>
</context>
<context>
    <name>SoundCheckBox</name>
    <message>
        <source>The test tone could not be played (libvlc refused).</source>
        <translation>No se pudo reproducir el tono de prueba (libvlc lo rechazó).</translation>
    </message>
    <message>
        <source>The test tone could not be played: {error}</source>
        <translation>No se pudo reproducir el tono de prueba: {error}</translation>
    </message>
    <message>
        <source>Sound check: put the headphones on the candidate, play the test tone and ask whether they hear it.</source>
        <translation>Prueba de sonido: ponga los auriculares al candidato, reproduzca el tono de prueba y pregúntele si lo oye.</translation>
    </message>
    <message>
        <source>Play the test &amp;tone</source>
        <translation>Reproducir el &amp;tono de prueba</translation>
    </message>
    <message>
        <source>Play test tone</source>
        <translation>Reproducir el tono de prueba</translation>
    </message>
    <message>
        <source>Play a short beep through the exam&apos;s audio output</source>
        <translation>Reproduce un pitido breve por la salida de audio del examen</translation>
    </message>
    <message>
        <source>The candidate &amp;heard it</source>
        <translation>El candidato lo ha &amp;oído</translation>
    </message>
    <message>
        <source>Tone heard</source>
        <translation>Tono oído</translation>
    </message>
    <message>
        <source>Confirm the candidate heard the test tone</source>
        <translation>Confirma que el candidato ha oído el tono de prueba</translation>
    </message>
    <message>
        <source>Tone playing… Did the candidate hear it?</source>
        <translation>Sonando el tono… ¿Lo ha oído el candidato?</translation>
    </message>
    <message>
        <source>Sound confirmed.</source>
        <translation>Sonido confirmado.</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <source>Current position in the case</source>
        <translation>Posición actual en el caso</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>pocus-player {version}: proctor start</source>
        <translation>pocus-player {version}: inicio del supervisor</translation>
    </message>
    <message>
        <source>The proctor unlocks this computer to set up or resume an exam.</source>
        <translation>El supervisor desbloquea este equipo para configurar o reanudar un examen.</translation>
    </message>
    <message>
        <source>Open an exam package</source>
        <translation>Abrir un paquete de examen</translation>
    </message>
    <message>
        <source>Exam packages (*.pocusexam)</source>
        <translation>Paquetes de examen (*.pocusexam)</translation>
    </message>
    <message>
        <source>Unlock the exam package</source>
        <translation>Desbloquear el paquete de examen</translation>
    </message>
    <message>
        <source>Passphrase of {package}, to resume the unfinished exam:</source>
        <translation>Contraseña de {package}, para reanudar el examen sin terminar:</translation>
    </message>
    <message>
        <source>{exam} for {name} ({id}): {accommodations}</source>
        <translation>{exam} para {name} ({id}): {accommodations}</translation>
    </message>
    <message>
        <source>{factor} × time</source>
        <translation>{factor} × tiempo</translation>
    </message>
    <message>
        <source>captions always on</source>
        <translation>subtítulos siempre activados</translation>
    </message>
    <message>
        <source>larger text</source>
        <translation>texto más grande</translation>
    </message>
    <message>
        <source>PRACTICE mode</source>
        <translation>modo de PRÁCTICA</translation>
    </message>
</context>
<context>
    <name>TimeNotice</name>
    <message>
        <source>5 minutes left</source>
        <extracomment>Seconds left at which the candidate is told, and what they are told.</extracomment>
        <translation>Quedan 5 minutos</translation>
    </message>
    <message>
        <source>1 minute left</source>
        <translation>Queda 1 minuto</translation>
    </message>
    <message>
        <source>Time is up. Your answers so far are recorded.</source>
        <translation>Se ha acabado el tiempo. Sus respuestas hasta ahora están registradas.</translation>
    </message>
    <message>
        <source>The exam is paused by your proctor. The timer is stopped.</source>
        <translation>Su supervisor ha pausado el examen. El cronómetro está detenido.</translation>
    </message>
    <message>
        <source>The exam goes on. The timer runs again.</source>
        <translation>El examen continúa. El cronómetro vuelve a correr.</translation>
    </message>
    <message>
        <source>Exam resumed</source>
        <extracomment>What the header shows for a message (it has one short line); the screen reader hears the whole message.</extracomment>
        <translation>Examen reanudado</translation>
    </message>
    <message>
        <source>Time notice</source>
        <extracomment>Messages the screen says in full already (the pause cover, the end screen): announced only. How long a warning stays in the header.</extracomment>
        <translation>Aviso de tiempo</translation>
    </message>
    <message>
        <source>Time notice: {message}</source>
        <translation>Aviso de tiempo: {message}</translation>
    </message>
</context>
<context>
    <name>TimelineSlider</name>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <source>Drag to scrub; the ticks are checkpoints</source>
        <translation>Arrastre para desplazarse; las marcas son puntos de control</translation>
    </message>
</context>
<context>
    <name>TranscriptDrawer</name>
    <message>
        <source>&amp;Transcript</source>
        <translation>&amp;Transcripción</translation>
    </message>
    <message>
        <source>&amp;Follow playback</source>
        <translation>&amp;Seguir la reproducción</translation>
    </message>
    <message>
        <source>Keep the line being spoken in view</source>
        <translation>Mantiene a la vista la línea que se está pronunciando</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transcripción</translation>
    </message>
    <message>
        <source>Written script of the media being played</source>
        <translation>Texto escrito del contenido que se está reproduciendo</translation>
    </message>
    <message>
        <source>Transcript drawer</source>
        <translation>Panel de transcripción</translation>
    </message>
    <message>
        <source>No written script for this item</source>
        <translation>No hay texto escrito para este elemento</translation>
    </message>
    <message>
        <source>Now: {text}</source>
        <translation>Ahora: {text}</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Clip:</source>
        <translation>Clip:</translation>
    </message>
    <message>
        <source>Clip to review</source>
        <translation>Clip que revisar</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Volver al principio</translation>
    </message>
    <message>
        <source>One frame back (comma)</source>
        <translation>Un fotograma atrás (coma)</translation>
    </message>
    <message>
        <source>One frame back</source>
        <translation>Un fotograma atrás</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Reproducir o pausar</translation>
    </message>
    <message>
        <source>One frame forward (full stop)</source>
        <translation>Un fotograma adelante (punto)</translation>
    </message>
    <message>
        <source>One frame forward</source>
        <translation>Un fotograma adelante</translation>
    </message>
    <message>
        <source>Media position</source>
        <translation>Posición en el contenido</translation>
    </message>
</context>
</TS>
