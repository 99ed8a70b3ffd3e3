<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
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
        <source>Measurement</source>
        <translation>Medida</translation>
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
    <name>ElidedLabel</name>
    <message>
        <source>{prefix}: {text}</source>
        <translation>{prefix}: {text}</translation>
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
        <source>Rationale</source>
        <translation>Justificación</translation>
    </message>
    <message>
        <source>Show how to answer</source>
        <translation>Mostrar cómo responder</translation>
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
</TS>
