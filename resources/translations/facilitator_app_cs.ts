<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ">
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Activity tools</source>
        <translation>Nástroje aktivit</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Nová aktivita</translation>
    </message>
    <message>
        <source>Add activity</source>
        <translation>Přidat aktivitu</translation>
    </message>
    <message>
        <source>Add block</source>
        <translation>Přidat blok</translation>
    </message>
    <message>
        <source>Select a block or an activity in it first.</source>
        <translation>Nejprve vyberte blok nebo aktivitu v něm.</translation>
    </message>
    <message>
        <source>Change block themes</source>
        <translation>Změnit témata bloku</translation>
    </message>
    <message>
        <source>Indent</source>
        <translation>Zvětšit odsazení</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blok</translation>
    </message>
    <message>
        <source>Votes:</source>
        <translation>Hlasy:</translation>
    </message>
    <message>
        <source>Outdent</source>
        <translation>Zmenšit odsazení</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Posunout nahoru</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Posunout dolů</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Další</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n activities?</source>
        <translation>
            <numerusform>Odstranit %n aktivitu?</numerusform>
            <numerusform>Odstranit %n aktivity?</numerusform>
            <numerusform>Odstranit %n aktivit?</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo (%s) brings them back.</source>
        <translation>Příkaz Zpět (%s) je vrátí.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n activities</source>
        <translation>
            <numerusform>Odstranit %n aktivitu</numerusform>
            <numerusform>Odstranit %n aktivity</numerusform>
            <numerusform>Odstranit %n aktivit</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a block first.</source>
        <translation>Nejprve přidejte blok.</translation>
    </message>
    <message>
        <source>Paste activities</source>
        <translation>Vložit aktivity</translation>
    </message>
    <message>
        <source>Add a vote</source>
        <translation>Přidat hlas</translation>
    </message>
    <message>
        <source>Remove a vote</source>
        <translation>Odebrat hlas</translation>
    </message>
    <message>
        <source>Add sub-activity</source>
        <translation>Přidat dílčí aktivitu</translation>
    </message>
    <message>
        <source>Add block…</source>
        <translation>Přidat blok…</translation>
    </message>
    <message>
        <source>Block themes…</source>
        <translation>Témata bloku…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Odstranit</translation>
    </message>
    <message>
        <source>Arrange</source>
        <translation>Uspořádat</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>Kopírovat jako text</translation>
    </message>
    <message>
        <source>Paste as activities</source>
        <translation>Vložit jako aktivity</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Rozbalit vše</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Sbalit vše</translation>
    </message>
</context>
<context>
    <name>ActivityTreeModel</name>
    <message>
        <source>Activities (no themes chosen)</source>
        <translation>Aktivity (bez zvolených témat)</translation>
    </message>
    <message>
        <source>Block: %s</source>
        <translation>Blok: %s</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivita</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Hlasy</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Poznámka</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>Upravit aktivitu</translation>
    </message>
    <message>
        <source>Set votes</source>
        <translation>Nastavit hlasy</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Upravit poznámku</translation>
    </message>
    <message>
        <source>Drop text</source>
        <translation>Vložit přetažený text</translation>
    </message>
    <message numerus="yes">
        <source>Move %n activities</source>
        <translation>
            <numerusform>Přesunout %n aktivitu</numerusform>
            <numerusform>Přesunout %n aktivity</numerusform>
            <numerusform>Přesunout %n aktivit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityTreeView</name>
    <message>
        <source>Activity tree</source>
        <translation>Strom aktivit</translation>
    </message>
</context>
<context>
    <name>AgendaControls</name>
    <message>
        <source>&amp;Start the selected item</source>
        <translation>&amp;Spustit vybraný bod</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Spustit</translation>
    </message>
    <message>
        <source>Start the agenda item selected in the programme and its countdown</source>
        <translation>Spustí bod vybraný v programu a jeho odpočet</translation>
    </message>
    <message>
        <source>&amp;Next item</source>
        <translation>&amp;Další bod</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Další</translation>
    </message>
    <message>
        <source>End the running item and start the next one</source>
        <translation>Ukončí probíhající bod a spustí další</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Zastavit</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Zastavit</translation>
    </message>
    <message>
        <source>End the running item; the clock stops</source>
        <translation>Ukončí probíhající bod; odpočet se zastaví</translation>
    </message>
    <message>
        <source>&amp;Start “%1”</source>
        <translation>&amp;Spustit „%1“</translation>
    </message>
    <message>
        <source>Next: “%1”</source>
        <translation>Další: „%1“</translation>
    </message>
    <message>
        <source>End the last item of the programme</source>
        <translation>Ukončí poslední bod programu</translation>
    </message>
    <message>
        <source>Add items to the programme first (Workshop ▸ Agenda)</source>
        <translation>Nejprve přidejte body programu (Workshop ▸ Program)</translation>
    </message>
    <message>
        <source>Select the item to start in the programme.</source>
        <translation>V programu vyberte bod, který chcete spustit.</translation>
    </message>
    <message>
        <source>“%1” is running already; F7 goes on to the next item.</source>
        <translation>Bod „%1“ už probíhá; F7 přejde na další bod.</translation>
    </message>
    <message>
        <source>Start “%1”</source>
        <translation>Spustit „%1“</translation>
    </message>
    <message>
        <source>The programme has no item left to start.</source>
        <translation>V programu už nezbývá žádný bod ke spuštění.</translation>
    </message>
    <message>
        <source>Next item: “%1”</source>
        <translation>Další bod: „%1“</translation>
    </message>
    <message>
        <source>End “%1”</source>
        <translation>Ukončit „%1“</translation>
    </message>
    <message>
        <source>That was the last item of the programme.</source>
        <translation>To byl poslední bod programu.</translation>
    </message>
    <message>
        <source>No agenda item is running.</source>
        <translation>Neprobíhá žádný bod programu.</translation>
    </message>
</context>
<context>
    <name>AgendaDelegate</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Planned minutes</source>
        <translation>Plánované minuty</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Začátek</translation>
    </message>
    <message>
        <source>Ended at</source>
        <translation>Konec</translation>
    </message>
    <message>
        <source>Title of the agenda item</source>
        <translation>Název bodu programu</translation>
    </message>
    <message>
        <source>Title of the next agenda item</source>
        <translation>Název dalšího bodu programu</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Bod</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Agenda</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Type an item, Tab to its planned minutes, Enter for the next item</source>
        <translation>Napište bod, Tab přejde na plánované minuty, Enter na další bod</translation>
    </message>
    <message>
        <source>Agenda tools</source>
        <translation>Nástroje programu</translation>
    </message>
    <message>
        <source>Progra&amp;mme:</source>
        <translation>P&amp;rogram:</translation>
    </message>
    <message>
        <source>Planned in total</source>
        <translation>Plánováno celkem</translation>
    </message>
    <message>
        <source>Enter: next item · Tab: planned minutes · Alt+Up/Down: reorder · F6 start · F7 next · F8 stop (from every section)</source>
        <translation>Enter: další bod · Tab: plánované minuty · Alt+↑/↓: přesunout · F6 spustit · F7 další · F8 zastavit (v každém oddílu)</translation>
    </message>
    <message>
        <source>Keyboard hint</source>
        <translation>Nápověda ke klávesnici</translation>
    </message>
    <message>
        <source>Running item</source>
        <translation>Probíhající bod</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>Odpočet</translation>
    </message>
    <message>
        <source>Times of the running item</source>
        <translation>Časy probíhajícího bodu</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>&amp;Přidat bod</translation>
    </message>
    <message>
        <source>Next row</source>
        <translation>Další řádek</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Odebrat</translation>
    </message>
    <message>
        <source>Paste rows</source>
        <translation>Vložit řádky</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Posunout &amp;nahoru</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Posunout do&amp;lů</translation>
    </message>
    <message>
        <source>No item is running</source>
        <translation>Neprobíhá žádný bod</translation>
    </message>
    <message>
        <source>%1 over the planned time</source>
        <translation>%1 přes plánovaný čas</translation>
    </message>
    <message>
        <source>%1 since it started</source>
        <translation>%1 od začátku</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>zbývá %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>začátek %1</translation>
    </message>
    <message>
        <source>planned %1 min</source>
        <translation>plánováno %1 min</translation>
    </message>
    <message>
        <source>time is up at %1</source>
        <translation>čas vyprší v %1</translation>
    </message>
    <message>
        <source>no planned length: counting up</source>
        <translation>bez plánované délky: měří se uplynulý čas</translation>
    </message>
    <message>
        <source>No programme yet</source>
        <translation>Program zatím chybí</translation>
    </message>
    <message>
        <source>Add the items below: Insert, the title, Tab, its minutes, Enter.</source>
        <translation>Body přidáte níže: Insert, název, Tab, minuty, Enter.</translation>
    </message>
    <message>
        <source>Next: “%1” — F7 starts it, F6 starts the selected item</source>
        <translation>Další: „%1“ – F7 ho spustí, F6 spustí vybraný bod</translation>
    </message>
    <message>
        <source>The programme is over</source>
        <translation>Program skončil</translation>
    </message>
    <message>
        <source>Every item has run. F6 starts the selected again.</source>
        <translation>Všechny body proběhly. F6 spustí vybraný bod znovu.</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n bod</numerusform>
            <numerusform>%n body</numerusform>
            <numerusform>%n bodů</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 planned</source>
        <translation>plánováno %1</translation>
    </message>
    <message>
        <source>expected end %1</source>
        <translation>předpokládaný konec %1</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n agenda items</source>
        <translation>
            <numerusform>Vložit %n bod programu</numerusform>
            <numerusform>Vložit %n body programu</numerusform>
            <numerusform>Vložit %n bodů programu</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot paste line %1: %2</source>
        <translation>Nelze vložit řádek %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n agenda items.</source>
        <translation>
            <numerusform>Vložen %n bod programu.</numerusform>
            <numerusform>Vloženy %n body programu.</numerusform>
            <numerusform>Vloženo %n bodů programu.</numerusform>
        </translation>
    </message>
    <message>
        <source>the item has no title</source>
        <translation>bod nemá název</translation>
    </message>
    <message>
        <source>“%1” is not a number of minutes (0 to %2)</source>
        <translation>„%1“ není počet minut (0 až %2)</translation>
    </message>
    <message>
        <source>Remove “%1” from the agenda</source>
        <translation>Odebrat „%1“ z programu</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n agenda items</source>
        <translation>
            <numerusform>Odebrat %n bod programu</numerusform>
            <numerusform>Odebrat %n body programu</numerusform>
            <numerusform>Odebrat %n bodů programu</numerusform>
        </translation>
    </message>
    <message>
        <source>Move “%1” up</source>
        <translation>Posunout „%1“ nahoru</translation>
    </message>
    <message>
        <source>Move “%1” down</source>
        <translation>Posunout „%1“ dolů</translation>
    </message>
</context>
<context>
    <name>AgendaTableModel</name>
    <message>
        <source>%1 (running)</source>
        <translation>%1 (probíhá)</translation>
    </message>
    <message>
        <source>not planned</source>
        <translation>neplánováno</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>No planned length: the clock counts the time up</source>
        <translation>Bez plánované délky: hodiny měří uplynulý čas</translation>
    </message>
    <message numerus="yes">
        <source>%n min over the plan</source>
        <translation>
            <numerusform>o %n min déle, než se plánovalo</numerusform>
            <numerusform>o %n min déle, než se plánovalo</numerusform>
            <numerusform>o %n min déle, než se plánovalo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min less than planned</source>
        <translation>
            <numerusform>o %n min kratší, než se plánovalo</numerusform>
            <numerusform>o %n min kratší, než se plánovalo</numerusform>
            <numerusform>o %n min kratší, než se plánovalo</numerusform>
        </translation>
    </message>
    <message>
        <source>As planned</source>
        <translation>Podle plánu</translation>
    </message>
    <message>
        <source>Type an item to add it to the programme…</source>
        <translation>Napište další bod programu…</translation>
    </message>
    <message>
        <source>New agenda item</source>
        <translation>Nový bod programu</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Bod</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Plán</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Začátek</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Konec</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Trvání</translation>
    </message>
    <message>
        <source>An agenda item needs a title; Delete removes the row instead.</source>
        <translation>Bod programu musí mít název. Celý řádek odstraníte klávesou Delete.</translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation>Přejmenovat „%1“</translation>
    </message>
    <message>
        <source>Plan %1 min for “%2”</source>
        <translation>Naplánovat %1 min na „%2“</translation>
    </message>
    <message>
        <source>An item cannot end before it starts.</source>
        <translation>Bod nemůže skončit dřív, než začal.</translation>
    </message>
    <message>
        <source>Correct the start of “%1”</source>
        <translation>Opravit začátek bodu „%1“</translation>
    </message>
    <message>
        <source>Correct the end of “%1”</source>
        <translation>Opravit konec bodu „%1“</translation>
    </message>
    <message>
        <source>Add “%1” to the agenda</source>
        <translation>Přidat „%1“ do programu</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>Přesunout „%1“</translation>
    </message>
    <message numerus="yes">
        <source>Move %n agenda items</source>
        <translation>
            <numerusform>Přesunout %n bod programu</numerusform>
            <numerusform>Přesunout %n body programu</numerusform>
            <numerusform>Přesunout %n bodů programu</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message>
        <source>&amp;Strengths</source>
        <translation>S&amp;ilné stránky</translation>
    </message>
    <message>
        <source>&amp;Weaknesses</source>
        <translation>Sla&amp;bé stránky</translation>
    </message>
    <message>
        <source>&amp;Opportunities</source>
        <translation>Příležitos&amp;ti</translation>
    </message>
    <message>
        <source>&amp;Threats</source>
        <translation>&amp;Hrozby</translation>
    </message>
    <message>
        <source>Edit an&amp;yway</source>
        <translation>Přesto &amp;upravit</translation>
    </message>
    <message>
        <source>Edit the previous meeting&apos;s analysis</source>
        <translation>Upravit analýzu z minulého jednání</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Témata</translation>
    </message>
    <message>
        <source>No themes yet. Add them in the Vision section (Ctrl+3), then come back.</source>
        <translation>Zatím žádná témata. Přidejte je v oddílu Vize (Ctrl+3) a vraťte se sem.</translation>
    </message>
    <message>
        <source>New strength…</source>
        <translation>Nová silná stránka…</translation>
    </message>
    <message>
        <source>New strength: type it, Enter adds it</source>
        <translation>Nová silná stránka: napište ji, Enter ji přidá</translation>
    </message>
    <message>
        <source>New weakness…</source>
        <translation>Nová slabá stránka…</translation>
    </message>
    <message>
        <source>New weakness: type it, Enter adds it</source>
        <translation>Nová slabá stránka: napište ji, Enter ji přidá</translation>
    </message>
    <message>
        <source>New opportunity…</source>
        <translation>Nová příležitost…</translation>
    </message>
    <message>
        <source>New opportunity: type it, Enter adds it</source>
        <translation>Nová příležitost: napište ji, Enter ji přidá</translation>
    </message>
    <message>
        <source>New threat…</source>
        <translation>Nová hrozba…</translation>
    </message>
    <message>
        <source>New threat: type it, Enter adds it</source>
        <translation>Nová hrozba: napište ji, Enter ji přidá</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>P&amp;roblémy</translation>
    </message>
    <message>
        <source>New problem…</source>
        <translation>Nový problém…</translation>
    </message>
    <message>
        <source>New problem: type it, Enter adds it</source>
        <translation>Nový problém: napište ho, Enter ho přidá</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>Přidat položku</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Odebrat</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Posunout nahoru</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Posunout dolů</translation>
    </message>
    <message>
        <source>Move to the quadrant on the left</source>
        <translation>Přesunout do kvadrantu vlevo</translation>
    </message>
    <message>
        <source>Move to the quadrant on the right</source>
        <translation>Přesunout do kvadrantu vpravo</translation>
    </message>
    <message>
        <source>Move to the quadrant above</source>
        <translation>Přesunout do kvadrantu nad ním</translation>
    </message>
    <message>
        <source>Move to the quadrant below</source>
        <translation>Přesunout do kvadrantu pod ním</translation>
    </message>
    <message>
        <source>Add a vote</source>
        <translation>Přidat hlas</translation>
    </message>
    <message>
        <source>Remove a vote</source>
        <translation>Odebrat hlas</translation>
    </message>
    <message>
        <source>Edit the note…</source>
        <translation>Upravit poznámku…</translation>
    </message>
    <message>
        <source>Make a problem of this item</source>
        <translation>Udělat z položky problém</translation>
    </message>
    <message>
        <source>What the problem comes from…</source>
        <translation>Z čeho problém vychází…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopírovat</translation>
    </message>
    <message>
        <source>Paste as items</source>
        <translation>Vložit jako položky</translation>
    </message>
    <message>
        <source>The SWOT and problems of the previous meeting (%1), kept for reference. They are not edited here unless you choose to.</source>
        <translation>SWOT a problémy z minulého jednání (%1), ponechané pro připomenutí. Neupravují se, pokud to sami nezvolíte.</translation>
    </message>
    <message>
        <source>Add a SWOT item</source>
        <translation>Přidat položku SWOT</translation>
    </message>
    <message>
        <source>Add a problem</source>
        <translation>Přidat problém</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n items</source>
        <translation>
            <numerusform>Vložit %n položku</numerusform>
            <numerusform>Vložit %n položky</numerusform>
            <numerusform>Vložit %n položek</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste an item</source>
        <translation>Vložit položku</translation>
    </message>
    <message>
        <source>Remove a problem</source>
        <translation>Odebrat problém</translation>
    </message>
    <message>
        <source>Remove a SWOT item</source>
        <translation>Odebrat položku SWOT</translation>
    </message>
    <message>
        <source>Move a SWOT item to %1</source>
        <translation>Přesunout položku SWOT do: %1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Poznámka</translation>
    </message>
    <message>
        <source>Note on “%1”:</source>
        <translation>Poznámka k „%1“:</translation>
    </message>
    <message>
        <source>Edit a note</source>
        <translation>Upravit poznámku</translation>
    </message>
    <message>
        <source>Choose what a problem comes from</source>
        <translation>Vybrat, z čeho problém vychází</translation>
    </message>
</context>
<context>
    <name>AttendeeDelegate</name>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Name of the next person</source>
        <translation>Jméno další osoby</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jméno</translation>
    </message>
</context>
<context>
    <name>AttendeeTableModel</name>
    <message>
        <source>Participant</source>
        <translation>Účastník</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organizátor</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>present</source>
        <translation>přítomen</translation>
    </message>
    <message>
        <source>excused</source>
        <translation>omluven</translation>
    </message>
    <message>
        <source>Type a name to add a person…</source>
        <translation>Napište jméno další osoby…</translation>
    </message>
    <message>
        <source>New attendee</source>
        <translation>Nový účastník</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jméno</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organizace</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Přítomnost</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Poznámka</translation>
    </message>
    <message>
        <source>A person needs a name; Delete removes the row instead.</source>
        <translation>Osoba musí mít jméno. Celý řádek odstraníte klávesou Delete.</translation>
    </message>
    <message>
        <source>Rename attendee</source>
        <translation>Přejmenovat účastníka</translation>
    </message>
    <message>
        <source>Edit organisation</source>
        <translation>Upravit organizaci</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Změnit roli</translation>
    </message>
    <message>
        <source>Mark present</source>
        <translation>Označit jako přítomného</translation>
    </message>
    <message>
        <source>Mark excused</source>
        <translation>Označit jako omluveného</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Upravit poznámku</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Přidat osobu %1</translation>
    </message>
</context>
<context>
    <name>AttendeesPage</name>
    <message>
        <source>Attendee tools</source>
        <translation>Nástroje pro účastníky</translation>
    </message>
    <message numerus="yes">
        <source>%1 present, %n excused</source>
        <translation>
            <numerusform>Přítomno %1, omluven %n</numerusform>
            <numerusform>Přítomno %1, omluveni %n</numerusform>
            <numerusform>Přítomno %1, omluveno %n</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 present</source>
        <translation>Přítomno %1</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n present</source>
        <translation>
            <numerusform>Označit %n osobu jako přítomnou</numerusform>
            <numerusform>Označit %n osoby jako přítomné</numerusform>
            <numerusform>Označit %n osob jako přítomné</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n excused</source>
        <translation>
            <numerusform>Označit %n osobu jako omluvenou</numerusform>
            <numerusform>Označit %n osoby jako omluvené</numerusform>
            <numerusform>Označit %n osob jako omluvené</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the role of %n</source>
        <translation>
            <numerusform>Změnit roli %n osoby</numerusform>
            <numerusform>Změnit roli %n osob</numerusform>
            <numerusform>Změnit roli %n osob</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Odebrat osobu %1</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n attendees</source>
        <translation>
            <numerusform>Odebrat %n účastníka</numerusform>
            <numerusform>Odebrat %n účastníky</numerusform>
            <numerusform>Odebrat %n účastníků</numerusform>
        </translation>
    </message>
    <message>
        <source>The list is already in alphabetical order.</source>
        <translation>Seznam už je seřazen abecedně.</translation>
    </message>
    <message>
        <source>Sort by name</source>
        <translation>Seřadit abecedně</translation>
    </message>
    <message>
        <source>Cannot paste the rows</source>
        <translation>Řádky nelze vložit</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n attendees</source>
        <translation>
            <numerusform>Vložit %n účastníka</numerusform>
            <numerusform>Vložit %n účastníky</numerusform>
            <numerusform>Vložit %n účastníků</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n attendees.</source>
        <translation>
            <numerusform>Vložen %n účastník.</numerusform>
            <numerusform>Vloženi %n účastníci.</numerusform>
            <numerusform>Vloženo %n účastníků.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import attendees</source>
        <translation>Importovat účastníky</translation>
    </message>
    <message>
        <source>Spreadsheet text (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Tabulka jako text (*.csv *.tsv *.txt);;Všechny soubory (*)</translation>
    </message>
    <message>
        <source>Cannot import %1</source>
        <translation>Soubor %1 nelze importovat</translation>
    </message>
    <message numerus="yes">
        <source>Import %n attendees</source>
        <translation>
            <numerusform>Importovat %n účastníka</numerusform>
            <numerusform>Importovat %n účastníky</numerusform>
            <numerusform>Importovat %n účastníků</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n attendees from %1.</source>
        <translation>
            <numerusform>Ze souboru %1 byl importován %n účastník.</numerusform>
            <numerusform>Ze souboru %1 byli importováni %n účastníci.</numerusform>
            <numerusform>Ze souboru %1 bylo importováno %n účastníků.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file cannot be read: %2</source>
        <translation>Soubor nelze přečíst: %2</translation>
    </message>
    <message>
        <source>This is not a text file with a list of people.</source>
        <translation>Nejde o textový soubor se seznamem osob.</translation>
    </message>
    <message>
        <source>There is nobody in it.</source>
        <translation>Soubor neobsahuje žádnou osobu.</translation>
    </message>
    <message>
        <source>Line %1: the header row has no name column (Name or Jméno).</source>
        <translation>Řádek %1: v záhlaví chybí sloupec se jménem (Jméno nebo Name).</translation>
    </message>
    <message>
        <source>Line %1: the name is empty.</source>
        <translation>Řádek %1: jméno je prázdné.</translation>
    </message>
    <message>
        <source>Line %1: “%2” is not a role; write participant, organiser or guest.</source>
        <translation>Řádek %1: „%2“ není role; napište účastník, organizátor nebo host.</translation>
    </message>
    <message>
        <source>Line %1: “%2” is not a presence; write yes or no, present or excused.</source>
        <translation>Řádek %1: „%2“ neurčuje přítomnost; napište ano/ne nebo přítomen/omluven.</translation>
    </message>
    <message>
        <source>Line %1: “%2” is in a sixth column; the columns are name, organisation, role, present and note.</source>
        <translation>Řádek %1: „%2“ je v šestém sloupci; sloupce jsou jméno, organizace, role, přítomnost a poznámka.</translation>
    </message>
    <message>
        <source>Line %1: the quotes do not match (%2).</source>
        <translation>Řádek %1: uvozovky nejsou spárované (%2).</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Účastníci</translation>
    </message>
    <message>
        <source>Attendance li&amp;st:</source>
        <translation>Prezenční &amp;listina:</translation>
    </message>
    <message>
        <source>Head count</source>
        <translation>Počet účastníků</translation>
    </message>
    <message>
        <source>Type a name, Tab to the organisation, Enter for the next person</source>
        <translation>Napište jméno, Tab přejde na organizaci, Enter na další osobu</translation>
    </message>
    <message>
        <source>Keyboard hint</source>
        <translation>Nápověda ke klávesnici</translation>
    </message>
    <message>
        <source>Enter: next person · Tab: next column · Space: present or excused · Delete: remove</source>
        <translation>Enter: další osoba · Tab: další sloupec · mezerník: přítomen/omluven · Delete: odebrat</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Poslední akce</translation>
    </message>
    <message>
        <source>Add attendee</source>
        <translation>Přidat osobu</translation>
    </message>
    <message>
        <source>Next row</source>
        <translation>Další řádek</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Odebrat</translation>
    </message>
    <message>
        <source>Present / excused</source>
        <translation>Přítomen/omluven</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Role: %1</translation>
    </message>
    <message>
        <source>Paste rows</source>
        <translation>Vložit řádky</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Import CSV…</translation>
    </message>
</context>
<context>
    <name>BlockThemesDialog</name>
    <message>
        <source>Themes of the block</source>
        <translation>Témata bloku</translation>
    </message>
    <message>
        <source>Tick the themes; Alt+Up / Alt+Down change their order.</source>
        <translation>Zaškrtněte témata; Alt+Nahoru / Alt+Dolů mění jejich pořadí.</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Témata</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Summary of the changes</source>
        <translation>Shrnutí změn</translation>
    </message>
    <message>
        <source>How the changes are marked</source>
        <translation>Jak jsou změny vyznačeny</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{inserted}; text-decoration: underline&apos;&gt;Inserted words&lt;/span&gt; are underlined in green, &lt;span style=&apos;color:{deleted}; text-decoration: line-through&apos;&gt;deleted words&lt;/span&gt; struck through in red. File ▸ Export minutes can put the same changes into the Word minutes as tracked changes.</source>
        <translation>&lt;span style=&apos;color:{inserted}; text-decoration: underline&apos;&gt;Vložená slova&lt;/span&gt; jsou podtržená zeleně, &lt;span style=&apos;color:{deleted}; text-decoration: line-through&apos;&gt;smazaná slova&lt;/span&gt; přeškrtnutá červeně. Soubor ▸ Exportovat zápis umí tytéž změny vložit do zápisu ve Wordu jako sledované změny.</translation>
    </message>
    <message>
        <source>Changes from the draft to the wording</source>
        <translation>Změny od návrhu ke znění</translation>
    </message>
    <message>
        <source>The wording with inserted words underlined and deleted words struck through.</source>
        <translation>Znění s podtrženými vloženými slovy a přeškrtnutými smazanými slovy.</translation>
    </message>
    <message>
        <source>No draft kept yet: the draft is kept when you start editing the wording, and the changes from it show here.</source>
        <translation>Návrh zatím není uložen: uloží se, jakmile začnete upravovat znění, a změny oproti němu se pak ukážou zde.</translation>
    </message>
    <message>
        <source>Since the draft: %s, %s.</source>
        <translation>Oproti návrhu: %s, %s.</translation>
    </message>
    <message numerus="yes">
        <source>%n words inserted</source>
        <translation>
            <numerusform>%n slovo vloženo</numerusform>
            <numerusform>%n slova vložena</numerusform>
            <numerusform>%n slov vloženo</numerusform>
        </translation>
    </message>
    <message>
        <source>1 word inserted</source>
        <translation>1 slovo vloženo</translation>
    </message>
    <message numerus="yes">
        <source>%n words deleted</source>
        <translation>
            <numerusform>%n slovo smazáno</numerusform>
            <numerusform>%n slova smazána</numerusform>
            <numerusform>%n slov smazáno</numerusform>
        </translation>
    </message>
    <message>
        <source>1 word deleted</source>
        <translation>1 slovo smazáno</translation>
    </message>
    <message>
        <source>The wording is the same as the draft.</source>
        <translation>Znění je stejné jako návrh.</translation>
    </message>
</context>
<context>
    <name>CompletingDelegate</name>
    <message>
        <source>Organisation</source>
        <translation>Organizace</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Účastníci</translation>
    </message>
</context>
<context>
    <name>DateFields</name>
    <message>
        <source>“%1” is not a date or time: type e.g. 19 May 2026 1 pm or 19/05/2026 13:00</source>
        <translation>„%1“ není datum ani čas: napište např. 19. 5. 2026 13:00 nebo 19.5. 13.00</translation>
    </message>
    <message>
        <source>“%1”: there is no such day</source>
        <translation>„%1“: takový den neexistuje</translation>
    </message>
    <message>
        <source>“%1”: the year must be from %2 to %3</source>
        <translation>„%1“: rok musí být od %2 do %3</translation>
    </message>
    <message>
        <source>“%1”: there is no such time of day</source>
        <translation>„%1“: takový čas neexistuje</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>Edit title</source>
        <translation>Upravit název</translation>
    </message>
    <message>
        <source>Edit place</source>
        <translation>Upravit místo</translation>
    </message>
    <message>
        <source>Edit facilitator</source>
        <translation>Upravit facilitátora</translation>
    </message>
    <message>
        <source>Edit organiser label</source>
        <translation>Upravit označení organizátora</translation>
    </message>
    <message>
        <source>Čeština</source>
        <comment>the Czech language, in Czech</comment>
        <translation>Čeština</translation>
    </message>
    <message>
        <source>English</source>
        <comment>the English language, in English</comment>
        <translation>English</translation>
    </message>
    <message>
        <source>A workshop needs a title.</source>
        <translation>Workshop musí mít název.</translation>
    </message>
    <message>
        <source>Change start</source>
        <translation>Změnit začátek</translation>
    </message>
    <message>
        <source>Set end time</source>
        <translation>Nastavit konec</translation>
    </message>
    <message>
        <source>Remove end time</source>
        <translation>Odebrat konec</translation>
    </message>
    <message>
        <source>Change end time</source>
        <translation>Změnit konec</translation>
    </message>
    <message>
        <source>Change minutes language</source>
        <translation>Změnit jazyk zápisu</translation>
    </message>
    <message>
        <source>Edit vision intro</source>
        <translation>Upravit úvod k vizi</translation>
    </message>
    <message>
        <source>The head count reads: %s</source>
        <translation>Počet účastníků v zápisu: %s</translation>
    </message>
    <message>
        <source>⚠ Not after the start: the minutes leave the end out.</source>
        <translation>⚠ Konec není po začátku: zápis ho neuvede.</translation>
    </message>
    <message>
        <source>Empty: the minutes open with “%s”</source>
        <translation>Prázdné: zápis začne textem „%s“</translation>
    </message>
    <message>
        <source>Workshop details</source>
        <translation>Údaje o workshopu</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>Náz&amp;ev:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Název</translation>
    </message>
    <message>
        <source>The workshop&apos;s name, as the minutes print it</source>
        <translation>Název workshopu, jak ho uvede zápis</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>Začá&amp;tek:</translation>
    </message>
    <message>
        <source>Start date and time</source>
        <translation>Datum a čas začátku</translation>
    </message>
    <message>
        <source>Why the start was not taken</source>
        <translation>Proč nebyl začátek přijat</translation>
    </message>
    <message>
        <source>E&amp;nds at:</source>
        <translation>&amp;Konec:</translation>
    </message>
    <message>
        <source>Has an end time</source>
        <translation>Má čas konce</translation>
    </message>
    <message>
        <source>Tick when the workshop has a planned end; the minutes then give both times</source>
        <translation>Zaškrtněte, má-li workshop plánovaný konec; zápis pak uvede oba časy</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Čas konce</translation>
    </message>
    <message>
        <source>Why the end was not taken</source>
        <translation>Proč nebyl konec přijat</translation>
    </message>
    <message>
        <source>End time warning</source>
        <translation>Upozornění k času konce</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Místo:</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Místo</translation>
    </message>
    <message>
        <source>Fa&amp;cilitator:</source>
        <translation>&amp;Facilitátor:</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitátor</translation>
    </message>
    <message>
        <source>&amp;Organiser label:</source>
        <translation>&amp;Označení organizátora:</translation>
    </message>
    <message>
        <source>Organiser label</source>
        <translation>Označení organizátora</translation>
    </message>
    <message>
        <source>ORK</source>
        <translation>ORK</translation>
    </message>
    <message>
        <source>Organiser label example</source>
        <translation>Ukázka označení organizátora</translation>
    </message>
    <message>
        <source>Minutes &amp;language:</source>
        <translation>&amp;Jazyk zápisu:</translation>
    </message>
    <message>
        <source>Minutes language</source>
        <translation>Jazyk zápisu</translation>
    </message>
    <message>
        <source>Vision &amp;intro:</source>
        <translation>Úvod k &amp;vizi:</translation>
    </message>
    <message>
        <source>Vision intro</source>
        <translation>Úvod k vizi</translation>
    </message>
    <message>
        <source>Vision intro explanation</source>
        <translation>Vysvětlení úvodu k vizi</translation>
    </message>
    <message>
        <source>Replaces the opening sentences of the minutes&apos; vision section. Leave it empty to have them written for you.</source>
        <translation>Nahradí úvodní věty oddílu Vize v zápisu. Necháte-li pole prázdné, věty se doplní automaticky.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export minutes</source>
        <translation>Export zápisu</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formát</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formát:</translation>
    </message>
    <message>
        <source>Language of the minutes</source>
        <translation>Jazyk zápisu</translation>
    </message>
    <message>
        <source>As set for the workshop</source>
        <translation>Podle nastavení workshopu</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Jazyk:</translation>
    </message>
    <message>
        <source>&amp;Public version (no personal names)</source>
        <translation>&amp;Veřejná verze (bez jmen osob)</translation>
    </message>
    <message>
        <source>Add the &amp;attendance list</source>
        <translation>Připojit &amp;prezenční listinu</translation>
    </message>
    <message>
        <source>Order by &amp;votes (activities, SWOT, problems)</source>
        <translation>Seřadit podle &amp;hlasů (aktivity, SWOT, problémy)</translation>
    </message>
    <message>
        <source>Order by votes</source>
        <translation>Seřadit podle hlasů</translation>
    </message>
    <message>
        <source>&amp;Number the activities (1.1, 1.1.2…)</source>
        <translation>&amp;Očíslovat aktivity (1.1, 1.1.2…)</translation>
    </message>
    <message>
        <source>Number the activities</source>
        <translation>Očíslovat aktivity</translation>
    </message>
    <message>
        <source>Each activity gets its code from the tree, its block&apos;s number first (3.1.2), also when ordered by votes; the minutes say which meeting&apos;s tree it is.</source>
        <translation>Každá aktivita dostane číslo podle stromu aktivit, na prvním místě číslo bloku (3.1.2), i při seřazení podle hlasů; zápis uvede, ze kterého jednání strom je.</translation>
    </message>
    <message>
        <source>Repeat the previous meeting&apos;s &amp;SWOT and problems</source>
        <translation>Zopakovat SWOT a problémy z &amp;minulého jednání</translation>
    </message>
    <message>
        <source>Repeat the previous meeting&apos;s SWOT and problems</source>
        <translation>Zopakovat SWOT a problémy z minulého jednání</translation>
    </message>
    <message>
        <source>A workshop made from the previous meeting&apos;s file carries its SWOT and problems for reference; its minutes leave them out unless this is checked.</source>
        <translation>Workshop vytvořený ze souboru minulého jednání přebírá jeho SWOT a problémy pro informaci; zápis je vynechá, pokud toto není zaškrtnuto.</translation>
    </message>
    <message>
        <source>Show the vision&apos;s changes as trac&amp;ked changes (redline)</source>
        <translation>Změny vize jako &amp;sledované změny (revize)</translation>
    </message>
    <message>
        <source>Word only: each theme&apos;s vision is written as tracked changes from its draft, for the office to accept or reject one by one. Themes without a draft, or unchanged, print as usual.</source>
        <translation>Jen pro Word: vize každého tématu se zapíše jako sledované změny oproti jejímu návrhu, aby je úřad mohl jednu po druhé přijmout, nebo odmítnout. Témata bez návrhu nebo beze změny se vytisknou jako obvykle.</translation>
    </message>
    <message>
        <source>Show the vision&apos;s changes as tracked changes</source>
        <translation>Změny vize jako sledované změny</translation>
    </message>
    <message>
        <source>Word template</source>
        <translation>Šablona Wordu</translation>
    </message>
    <message>
        <source>none: the app&apos;s own layout</source>
        <translation>žádná (výchozí vzhled)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Pro&amp;cházet…</translation>
    </message>
    <message>
        <source>Choose a Word template</source>
        <translation>Vybrat šablonu Wordu</translation>
    </message>
    <message>
        <source>&amp;Template (.docx):</source>
        <translation>Ša&amp;blona (.docx):</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportovat…</translation>
    </message>
    <message>
        <source>Cannot export the minutes</source>
        <translation>Zápis nelze exportovat</translation>
    </message>
</context>
<context>
    <name>ExportNotice</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Otevřít složku</translation>
    </message>
    <message>
        <source>Open the folder that holds the exported file</source>
        <translation>Otevře složku s exportovaným souborem</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportováno do %1</translation>
    </message>
</context>
<context>
    <name>ImportTask</name>
    <message>
        <source>Importing %1…</source>
        <translation>Importuje se %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>LockQuestion</name>
    <message>
        <source>The workshop is open elsewhere</source>
        <translation>Workshop je otevřený jinde</translation>
    </message>
    <message>
        <source>“%1” is already open: %2.</source>
        <translation>„%1“ už je otevřený: %2.</translation>
    </message>
    <message>
        <source>The app cannot check whether it is still open there. Take it over only if you are sure it is not: two instances writing the same workshop lose each other&apos;s changes.</source>
        <translation>Aplikace nemůže ověřit, zda je tam workshop stále otevřený. Převezměte ho, jen pokud jste si jisti, že není: dvě instance zapisující do stejného workshopu si navzájem přepíšou změny.</translation>
    </message>
    <message>
        <source>You can open it read-only here, or close it there first and try again.</source>
        <translation>Můžete ho zde otevřít jen pro čtení, nebo ho nejprve zavřít tam a zkusit to znovu.</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>Otevřít jen pro &amp;čtení</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Otevřít jen pro čtení</translation>
    </message>
    <message>
        <source>&amp;Take over</source>
        <translation>&amp;Převzít</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Převzít</translation>
    </message>
</context>
<context>
    <name>LockWords</name>
    <message>
        <source>its lock file cannot be read</source>
        <translation>jeho zámek nelze přečíst</translation>
    </message>
    <message>
        <source>%1 on %2, process %3, since %4</source>
        <translation>uživatel %1 na počítači %2, proces %3, od %4</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Facilitator window</source>
        <translation>Okno facilitátora</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Zpět</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Znovu</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Run a workshop&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Vedení workshopu&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>&amp;New workshop…</source>
        <translation>No&amp;vý workshop…</translation>
    </message>
    <message>
        <source>&amp;Open a workshop…</source>
        <translation>&amp;Otevřít workshop…</translation>
    </message>
    <message>
        <source>Open the &amp;demo workshop</source>
        <translation>Otevřít &amp;ukázkový workshop</translation>
    </message>
    <message>
        <source>Open the &amp;first meeting&apos;s demo (SWOT)</source>
        <translation>Otevřít ukázku &amp;prvního jednání (SWOT)</translation>
    </message>
    <message>
        <source>Recent workshops:</source>
        <translation>Nedávné workshopy:</translation>
    </message>
    <message>
        <source>Recent workshops</source>
        <translation>Nedávné workshopy</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Soubor</translation>
    </message>
    <message>
        <source>Saved state</source>
        <translation>Stav uložení</translation>
    </message>
    <message>
        <source>Head count</source>
        <translation>Počet účastníků</translation>
    </message>
    <message>
        <source>the demo workshop</source>
        <translation>ukázkový workshop</translation>
    </message>
    <message>
        <source>Opening %s…</source>
        <translation>Otevírám %s…</translation>
    </message>
    <message>
        <source>Wait for the import to finish.</source>
        <translation>Počkejte, až import skončí.</translation>
    </message>
    <message>
        <source>Cannot open the workshop</source>
        <translation>Workshop nelze otevřít</translation>
    </message>
    <message>
        <source>Cannot open the demo workshop</source>
        <translation>Ukázkový workshop nelze otevřít</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>Nový workshop</translation>
    </message>
    <message>
        <source>Cannot create the workshop</source>
        <translation>Workshop nelze vytvořit</translation>
    </message>
    <message>
        <source>Open a workshop</source>
        <translation>Otevřít workshop</translation>
    </message>
    <message>
        <source>Workshops, JSON and minutes (*.workshop *.json *.docx)</source>
        <translation>Workshopy, JSON a zápisy (*.workshop *.json *.docx)</translation>
    </message>
    <message>
        <source>Import a workshop from JSON</source>
        <translation>Importovat workshop z JSON</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Uložit kopii jako</translation>
    </message>
    <message>
        <source>Cannot save the copy</source>
        <translation>Kopii nelze uložit</translation>
    </message>
    <message>
        <source>Saved a copy as %s</source>
        <translation>Kopie uložena jako %s</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>Exportovat JSON</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export se nezdařil</translation>
    </message>
    <message>
        <source>Continue from last meeting: read the minutes (.docx) the app exported, or a Word document laid out the same way, into a new workshop saved beside them</source>
        <translation>Navázat na minulé jednání: načte zápis (.docx) vyexportovaný aplikací nebo dokument Wordu se stejným uspořádáním do nového workshopu uloženého vedle něj</translation>
    </message>
    <message>
        <source>Import &amp;minutes (.docx)…</source>
        <translation>Importovat zá&amp;pis (.docx)…</translation>
    </message>
    <message>
        <source>&amp;Continue from last meeting&apos;s minutes…</source>
        <translation>Navázat na &amp;zápis z minulého jednání…</translation>
    </message>
    <message>
        <source>Import minutes</source>
        <translation>Importovat zápis</translation>
    </message>
    <message>
        <source>Minutes (*.docx)</source>
        <translation>Zápis (*.docx)</translation>
    </message>
    <message>
        <source>Minutes read into a new workshop: %s</source>
        <translation>Zápis načten do nového workshopu: %s</translation>
    </message>
    <message>
        <source>Present: %s</source>
        <translation>Počet účastníků: %s</translation>
    </message>
    <message>
        <source>⚠ Not saved: %s</source>
        <translation>⚠ Neuloženo: %s</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Uloženo</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Ukládání…</translation>
    </message>
    <message>
        <source>About facilitator-app</source>
        <translation>O aplikaci facilitator-app</translation>
    </message>
    <message>
        <source>&lt;h3&gt;facilitator-app %s&lt;/h3&gt;&lt;p&gt;Run strategy workshops offline: attendees, a live projected vision, the activity tree, and the minutes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;facilitator-app %s&lt;/h3&gt;&lt;p&gt;Vedení strategických workshopů bez připojení k internetu: účastníci, vize živě promítaná na plátno, strom návrhů aktivit a zápis.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>facilitator-app</source>
        <translation>facilitator-app</translation>
    </message>
    <message>
        <source>Start page</source>
        <translation>Úvodní stránka</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Oddíly</translation>
    </message>
    <message>
        <source>Workshop details</source>
        <translation>Údaje o workshopu</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Účastníci</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analýza</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>Vize</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Návrhy aktivit</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Úkoly</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Soubor</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ne&amp;dávno otevřené</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Ú&amp;pravy</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Zobrazit</translation>
    </message>
    <message>
        <source>Wor&amp;kshop</source>
        <translation>&amp;Workshop</translation>
    </message>
    <message>
        <source>&amp;Attendees</source>
        <translation>Úč&amp;astníci</translation>
    </message>
    <message>
        <source>Anal&amp;ysis</source>
        <translation>Analý&amp;za</translation>
    </message>
    <message>
        <source>&amp;Vision</source>
        <translation>&amp;Vize</translation>
    </message>
    <message>
        <source>A&amp;genda</source>
        <translation>Pro&amp;gram</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>Úk&amp;oly</translation>
    </message>
    <message>
        <source>&amp;Activities</source>
        <translation>&amp;Aktivity</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Nápověda</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Panel nástrojů</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Otevřít…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Save a cop&amp;y as…</source>
        <translation>Uložit &amp;kopii jako…</translation>
    </message>
    <message>
        <source>Restore from bac&amp;kup…</source>
        <translation>O&amp;bnovit ze zálohy…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>&amp;Importovat JSON…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Export minutes…</source>
        <translation>&amp;Exportovat zápis…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Exportovat &amp;JSON…</translation>
    </message>
    <message>
        <source>Remove attendee &amp;names</source>
        <translation>Odstranit &amp;jména účastníků</translation>
    </message>
    <message>
        <source>Replace every attendee&apos;s name by a number and clear the authors of remarks; roles, presence and counts stay (undoable until the workshop is closed)</source>
        <translation>Nahradí jméno každého účastníka číslem a vymaže autory připomínek; role, přítomnost a počty zůstanou (lze vrátit zpět, dokud se workshop nezavře)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Zavřít</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Ukončit</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Předvolby…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Workshop &amp;details</source>
        <translation>Ú&amp;daje o workshopu</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Anal&amp;ysis (SWOT)</source>
        <translation>Analý&amp;za (SWOT)</translation>
    </message>
    <message>
        <source>Ctrl+8</source>
        <translation>Ctrl+8</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>A&amp;ctivities</source>
        <translation>&amp;Návrhy aktivit</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>Ctrl+6</source>
        <translation>Ctrl+6</translation>
    </message>
    <message>
        <source>Ctrl+7</source>
        <translation>Ctrl+7</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Klávesové zkratky</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About facilitator-app</source>
        <translation>&amp;O aplikaci facilitator-app</translation>
    </message>
    <message>
        <source>Start the group&apos;s next meeting from this one: the same themes and attendees (not yet present), the final vision as the new draft, the SWOT and problems for reference, the activities without their votes</source>
        <translation>Zahájit další jednání skupiny z tohoto: stejná témata a účastníci (zatím nepřítomní), výsledná vize jako nový návrh, SWOT a problémy pro informaci, aktivity bez hlasů</translation>
    </message>
    <message>
        <source>Next meeting of this &amp;group…</source>
        <translation>Další jednání této &amp;skupiny…</translation>
    </message>
    <message>
        <source>Next meeting of this group</source>
        <translation>Další jednání této skupiny</translation>
    </message>
    <message>
        <source>The next meeting gets a workshop of its own, made from this one. When does it start?</source>
        <translation>Další jednání dostane vlastní workshop vytvořený z tohoto. Kdy začíná?</translation>
    </message>
    <message>
        <source>The next meeting starts</source>
        <translation>Začátek dalšího jednání</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Začátek:</translation>
    </message>
    <message>
        <source>&amp;Create…</source>
        <translation>&amp;Vytvořit…</translation>
    </message>
    <message>
        <source>Cannot create the next meeting</source>
        <translation>Další jednání nelze vytvořit</translation>
    </message>
    <message>
        <source>%s is this meeting&apos;s own file: choose another name for the next one.</source>
        <translation>%s je soubor tohoto jednání: pro další jednání zvolte jiný název.</translation>
    </message>
    <message>
        <source>The next meeting&apos;s workshop: %s</source>
        <translation>Workshop dalšího jednání: %s</translation>
    </message>
    <message>
        <source>&amp;Show activity codes</source>
        <translation>Zobrazit čí&amp;sla aktivit</translation>
    </message>
    <message>
        <source>Number the activities in the tree and on the wall: 3.1.2</source>
        <translation>Číslovat aktivity ve stromu a na plátně: 3.1.2</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Předvolby</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Jazyk rozhraní</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Podle systému</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Jazyk:</translation>
    </message>
    <message>
        <source>The language changes when the app starts next.</source>
        <translation>Jazyk se změní při příštím spuštění aplikace.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>votes: %1</source>
        <translation>hlasy: %1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Vychází z: %1</translation>
    </message>
    <message>
        <source>Edit a problem</source>
        <translation>Upravit problém</translation>
    </message>
    <message numerus="yes">
        <source>Move %n problems</source>
        <translation>
            <numerusform>Přesunout %n problém</numerusform>
            <numerusform>Přesunout %n problémy</numerusform>
            <numerusform>Přesunout %n problémů</numerusform>
        </translation>
    </message>
    <message>
        <source>Move a problem</source>
        <translation>Přesunout problém</translation>
    </message>
    <message>
        <source>Link a problem to a SWOT item</source>
        <translation>Propojit problém s položkou SWOT</translation>
    </message>
</context>
<context>
    <name>ProjectorController</name>
    <message>
        <source>Activities</source>
        <translation>Aktivity</translation>
    </message>
    <message>
        <source>&amp;Automatic (a screen other than this window&apos;s)</source>
        <translation>&amp;Automaticky (jiná obrazovka, než na které je toto okno)</translation>
    </message>
    <message>
        <source>&amp;Present on the wall</source>
        <translation>&amp;Promítat na plátno</translation>
    </message>
    <message>
        <source>Show the wall window on the projector (F5 again hides it)</source>
        <translation>Zobrazí plátno na projektoru (další F5 ho skryje)</translation>
    </message>
    <message>
        <source>Wall f&amp;ull screen</source>
        <translation>Plátno na &amp;celou obrazovku</translation>
    </message>
    <message>
        <source>&amp;Leave full screen</source>
        <translation>&amp;Ukončit režim celé obrazovky</translation>
    </message>
    <message>
        <source>Show the next page of what does not fit on the wall (Page Down)</source>
        <translation>Ukáže další list toho, co se na plátno nevejde (Page Down)</translation>
    </message>
    <message>
        <source>Previ&amp;ous wall page</source>
        <translation>Předchoz&amp;í list plátna</translation>
    </message>
    <message>
        <source>Show the previous page of what does not fit on the wall (Page Up)</source>
        <translation>Ukáže předchozí list toho, co se na plátno nevejde (Page Up)</translation>
    </message>
    <message>
        <source>&amp;Title page</source>
        <translation>&amp;Titulní strana</translation>
    </message>
    <message>
        <source>&amp;Vision</source>
        <translation>&amp;Vize</translation>
    </message>
    <message>
        <source>&amp;Current theme</source>
        <translation>Aktuá&amp;lní téma</translation>
    </message>
    <message>
        <source>&amp;Activities</source>
        <translation>&amp;Aktivity</translation>
    </message>
    <message>
        <source>&amp;Remarks</source>
        <translation>Připomín&amp;ky</translation>
    </message>
    <message>
        <source>Ran&amp;king by votes</source>
        <translation>Pořadí podle &amp;hlasů</translation>
    </message>
    <message>
        <source>Agree&amp;d tasks</source>
        <translation>Dohodnuté úkol&amp;y</translation>
    </message>
    <message>
        <source>&amp;Empty page</source>
        <translation>Prázdná &amp;strana</translation>
    </message>
    <message>
        <source>&amp;Black wall</source>
        <translation>Č&amp;erné plátno</translation>
    </message>
    <message>
        <source>Blank the wall black (B on the wall or its preview; Ctrl+Shift+B anywhere)</source>
        <translation>Zakryje plátno černou (B na plátně nebo v jeho náhledu; Ctrl+Shift+B kdekoli)</translation>
    </message>
    <message>
        <source>Blank the wall white (W on the wall or its preview; Ctrl+Shift+W anywhere)</source>
        <translation>Zakryje plátno bílou (W na plátně nebo v jeho náhledu; Ctrl+Shift+W kdekoli)</translation>
    </message>
    <message>
        <source>votes shown (H hides them)</source>
        <translation>hlasy jsou vidět (H je skryje)</translation>
    </message>
    <message>
        <source>votes hidden (H reveals them)</source>
        <translation>hlasy jsou skryté (H je odkryje)</translation>
    </message>
    <message>
        <source>frozen: %1 publishes your changes (%2 on the wall or its preview)</source>
        <translation>zmrazeno: %1 promítne vaše změny (na plátně nebo v jeho náhledu i %2)</translation>
    </message>
    <message>
        <source>&amp;White wall</source>
        <translation>&amp;Bílé plátno</translation>
    </message>
    <message>
        <source>&amp;Freeze</source>
        <translation>&amp;Zmrazit</translation>
    </message>
    <message>
        <source>Keep showing the wall as it is while you edit; F again on the wall or its preview (Ctrl+Shift+F anywhere) publishes the changes</source>
        <translation>Během úprav nechá plátno beze změny; další F na plátně nebo v jeho náhledu (Ctrl+Shift+F kdekoli) změny promítne</translation>
    </message>
    <message>
        <source>Wall text lar&amp;ger</source>
        <translation>Větší písm&amp;o</translation>
    </message>
    <message>
        <source>Wall text s&amp;maller</source>
        <translation>&amp;Menší písmo</translation>
    </message>
    <message>
        <source>Wall t&amp;heme</source>
        <translation>Ba&amp;rvy plátna</translation>
    </message>
    <message>
        <source>Wall prev&amp;iew</source>
        <translation>Náhle&amp;d plátna</translation>
    </message>
    <message>
        <source>Wall text &amp;normal size</source>
        <translation>&amp;Normální velikost písma</translation>
    </message>
    <message>
        <source>Put the wall full screen on its screen, or back into a window (Shift+F5)</source>
        <translation>Plátno na celou obrazovku, nebo zpět do okna (Shift+F5)</translation>
    </message>
    <message>
        <source>Esc on the wall window; Shift+F5 in this window</source>
        <translation>Esc v okně plátna; Shift+F5 v tomto okně</translation>
    </message>
    <message>
        <source>Ne&amp;xt wall page</source>
        <translation>Další l&amp;ist plátna</translation>
    </message>
    <message>
        <source>SWOT analysis</source>
        <translation>Analýza SWOT</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problémy</translation>
    </message>
    <message>
        <source>Reveal votes</source>
        <translation>Odkrýt hlasy</translation>
    </message>
    <message>
        <source>Show the vote counts on the wall (SWOT, problems, activities and the ranking); hidden whenever a workshop opens (H on the wall or its preview; Ctrl+Shift+H anywhere)</source>
        <translation>Ukázat na plátně počty hlasů (SWOT, problémy, aktivity a pořadí); po otevření workshopu jsou vždy skryté (H na plátně nebo v jeho náhledu, Ctrl+Shift+H kdekoli)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Světlé</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Tmavé</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Vysoký kontrast</translation>
    </message>
    <message>
        <source>&amp;Projector</source>
        <translation>&amp;Projektor</translation>
    </message>
    <message>
        <source>Projector &amp;screen</source>
        <translation>Obrazovka pro&amp;jektoru</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>Plátno</translation>
    </message>
    <message>
        <source>Wall preview and controls</source>
        <translation>Náhled a ovládání plátna</translation>
    </message>
    <message>
        <source>Wall modes</source>
        <translation>Režimy plátna</translation>
    </message>
    <message>
        <source>Wall status</source>
        <translation>Stav plátna</translation>
    </message>
    <message>
        <source>Not presenting (F5 presents)</source>
        <translation>Nepromítá se (F5 spustí promítání)</translation>
    </message>
    <message>
        <source>Waiting for the projector to come back</source>
        <translation>Čeká se na opětovné připojení projektoru</translation>
    </message>
    <message>
        <source>On the wall: full screen on %1</source>
        <translation>Promítá se na celou obrazovku: %1</translation>
    </message>
    <message>
        <source>On the wall: a window on %1 (Shift+F5: full screen)</source>
        <translation>Promítá se v okně: %1 (Shift+F5: na celou obrazovku)</translation>
    </message>
    <message>
        <source>blanked black (B)</source>
        <translation>zakryto černou (B)</translation>
    </message>
    <message>
        <source>blanked white (W)</source>
        <translation>zakryto bílou (W)</translation>
    </message>
</context>
<context>
    <name>QuadrantModel</name>
    <message>
        <source>votes: %1</source>
        <translation>hlasy: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>poznámka: %1</translation>
    </message>
    <message>
        <source>Edit a SWOT item</source>
        <translation>Upravit položku SWOT</translation>
    </message>
</context>
<context>
    <name>RankingDock</name>
    <message>
        <source>Ranking by votes</source>
        <translation>Pořadí podle hlasů</translation>
    </message>
    <message>
        <source>Ranking of the activities by votes</source>
        <translation>Pořadí aktivit podle hlasů</translation>
    </message>
    <message>
        <source>Open a workshop to see its ranking.</source>
        <translation>Otevřete workshop a uvidíte pořadí jeho aktivit.</translation>
    </message>
    <message>
        <source>No workshop open</source>
        <translation>Není otevřen žádný workshop</translation>
    </message>
    <message>
        <source>&amp;Ranking by votes</source>
        <translation>Pořadí podle &amp;hlasů</translation>
    </message>
    <message>
        <source>Show the activities ranked by votes (Ctrl+5)</source>
        <translation>Zobrazit aktivity seřazené podle hlasů (Ctrl+5)</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>Activities (no themes chosen)</source>
        <translation>Aktivity (bez zvolených témat)</translation>
    </message>
    <message>
        <source>Place %s</source>
        <translation>%s. místo</translation>
    </message>
    <message numerus="yes">
        <source>%n votes</source>
        <translation>
            <numerusform>%n hlas</numerusform>
            <numerusform>%n hlasy</numerusform>
            <numerusform>%n hlasů</numerusform>
        </translation>
    </message>
    <message>
        <source>1 vote</source>
        <translation>1 hlas</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivita</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Hlasy</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Zařazení</translation>
    </message>
    <message>
        <source>Place (equal votes share a place)</source>
        <translation>Místo v pořadí (stejný počet hlasů sdílí místo)</translation>
    </message>
    <message>
        <source>Votes, with a bar as long as the share of the most votes</source>
        <translation>Hlasy a pruh úměrný podílu z nejvyššího počtu hlasů</translation>
    </message>
    <message>
        <source>The block and the activities above it</source>
        <translation>Blok a nadřazené aktivity</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <source>No votes yet. Select an activity in the tree and press + for each dot it got (− takes one back); the ranking follows at once.</source>
        <translation>Zatím žádné hlasy. Vyberte aktivitu ve stromu a za každou tečku, kterou dostala, stiskněte + (− jednu ubere); pořadí se hned přepočítá.</translation>
    </message>
    <message>
        <source>No votes yet</source>
        <translation>Zatím žádné hlasy</translation>
    </message>
    <message>
        <source>Votes in total</source>
        <translation>Hlasů celkem</translation>
    </message>
    <message>
        <source>Add a vote</source>
        <translation>Přidat hlas</translation>
    </message>
    <message>
        <source>Remove a vote</source>
        <translation>Odebrat hlas</translation>
    </message>
    <message numerus="yes">
        <source>%n votes in total</source>
        <translation>
            <numerusform>%n hlas celkem</numerusform>
            <numerusform>%n hlasy celkem</numerusform>
            <numerusform>%n hlasů celkem</numerusform>
        </translation>
    </message>
    <message>
        <source>1 vote in total</source>
        <translation>1 hlas celkem</translation>
    </message>
    <message numerus="yes">
        <source>%n activities with votes</source>
        <translation>
            <numerusform>%n aktivita s hlasy</numerusform>
            <numerusform>%n aktivity s hlasy</numerusform>
            <numerusform>%n aktivit s hlasy</numerusform>
        </translation>
    </message>
    <message>
        <source>1 activity with votes</source>
        <translation>1 aktivita s hlasy</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <source>Ranking of the activities by votes</source>
        <translation>Pořadí aktivit podle hlasů</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBar</name>
    <message>
        <source>Read-only</source>
        <translation>Jen pro čtení</translation>
    </message>
    <message>
        <source>Why it is read-only</source>
        <translation>Proč je jen pro čtení</translation>
    </message>
    <message>
        <source>Open a&amp;gain</source>
        <translation>Otevřít znov&amp;u</translation>
    </message>
    <message>
        <source>Read-only.</source>
        <translation>Jen pro čtení.</translation>
    </message>
    <message>
        <source>This workshop is open in another instance of the app (%1); changes cannot be made here, and changes made there appear here when you open it again.</source>
        <translation>Tento workshop je otevřený v jiné instanci aplikace (%1); zde ho nelze měnit a změny provedené tam se zde objeví, až ho otevřete znovu.</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>%1 is open read-only</source>
        <translation>%1 je otevřen jen pro čtení</translation>
    </message>
    <message>
        <source>the theme is still used by an activity block</source>
        <translation>téma stále používá blok aktivit</translation>
    </message>
    <message>
        <source>a theme named “%1” exists already</source>
        <translation>téma „%1“ už existuje</translation>
    </message>
    <message>
        <source>an activity needs a text</source>
        <translation>aktivita musí mít text</translation>
    </message>
    <message>
        <source>an activity cannot move into its own branch</source>
        <translation>aktivitu nelze přesunout do její vlastní větve</translation>
    </message>
    <message>
        <source>blocks stay top-level; activities stay inside a block</source>
        <translation>bloky zůstávají na nejvyšší úrovni, aktivity uvnitř bloků</translation>
    </message>
    <message>
        <source>the theme “%1” has no SWOT item %2</source>
        <translation>téma „%1“ nemá položku SWOT %2</translation>
    </message>
    <message>
        <source>a problem of the theme still comes from the SWOT item</source>
        <translation>z položky SWOT stále vychází některý problém tématu</translation>
    </message>
    <message>
        <source>activities can be nested at most %1 levels deep</source>
        <translation>aktivity lze vnořit nejvýše do %1 úrovní</translation>
    </message>
    <message>
        <source>votes must be a whole number of 0 or more</source>
        <translation>počet hlasů musí být celé číslo, 0 nebo více</translation>
    </message>
    <message>
        <source>planned minutes must be a whole number from 0 to %1</source>
        <translation>plánované minuty musí být celé číslo od 0 do %1</translation>
    </message>
    <message>
        <source>the due date must be a date</source>
        <translation>termín musí být datum</translation>
    </message>
    <message>
        <source>%1: the year %2 is not between %3 and %4</source>
        <translation>%1: rok %2 není mezi %3 a %4</translation>
    </message>
    <message>
        <source>the workshop&apos;s title cannot be empty</source>
        <translation>název workshopu nesmí být prázdný</translation>
    </message>
    <message>
        <source>the attendee&apos;s name cannot be empty</source>
        <translation>jméno účastníka nesmí být prázdné</translation>
    </message>
    <message>
        <source>the theme&apos;s name cannot be empty</source>
        <translation>název tématu nesmí být prázdný</translation>
    </message>
    <message>
        <source>the remark&apos;s text cannot be empty</source>
        <translation>text připomínky nesmí být prázdný</translation>
    </message>
    <message>
        <source>the activity&apos;s text cannot be empty</source>
        <translation>text aktivity nesmí být prázdný</translation>
    </message>
    <message>
        <source>the programme item&apos;s title cannot be empty</source>
        <translation>název bodu programu nesmí být prázdný</translation>
    </message>
    <message>
        <source>the task&apos;s text cannot be empty</source>
        <translation>text úkolu nesmí být prázdný</translation>
    </message>
    <message>
        <source>the SWOT item&apos;s text cannot be empty</source>
        <translation>text položky SWOT nesmí být prázdný</translation>
    </message>
    <message>
        <source>the problem&apos;s text cannot be empty</source>
        <translation>text problému nesmí být prázdný</translation>
    </message>
    <message>
        <source>the previous meeting&apos;s date must be a date</source>
        <translation>datum předchozího setkání musí být datum</translation>
    </message>
    <message>
        <source>nothing to indent: the first item has no item above it</source>
        <translation>odsazení nelze zvětšit: první položka nemá nad sebou žádnou jinou</translation>
    </message>
    <message>
        <source>nothing to outdent: top-level activities stay in a block</source>
        <translation>odsazení nelze zmenšit: aktivity nejvyšší úrovně zůstávají v bloku</translation>
    </message>
    <message>
        <source>is a folder, not a workshop file</source>
        <translation>je složka, ne soubor workshopu</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>takový soubor neexistuje</translation>
    </message>
    <message>
        <source>cannot read files without a suffix: use .json, .workshop or .docx minutes</source>
        <translation>soubory bez přípony nelze číst: použijte .json, .workshop nebo zápis .docx</translation>
    </message>
    <message>
        <source>cannot read %1: use .json, .workshop or .docx minutes</source>
        <translation>soubory %1 nelze číst: použijte .json, .workshop nebo zápis .docx</translation>
    </message>
    <message>
        <source>is a folder, not a Word document</source>
        <translation>je složka, ne dokument Wordu</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>nelze přečíst (%1)</translation>
    </message>
    <message>
        <source>is empty, not a Word document (.docx)</source>
        <translation>je prázdný, není to dokument Wordu (.docx)</translation>
    </message>
    <message>
        <source>is an old Word document (.doc) or a password-protected one: save it in Word as a .docx without a password</source>
        <translation>je starý dokument Wordu (.doc) nebo dokument chráněný heslem: uložte jej ve Wordu jako .docx bez hesla</translation>
    </message>
    <message>
        <source>is not a Word document (.docx): the file is not a ZIP package</source>
        <translation>není dokument Wordu (.docx): soubor není balík ZIP</translation>
    </message>
    <message>
        <source>is a ZIP file but not a Word document (.docx)</source>
        <translation>je soubor ZIP, ale ne dokument Wordu (.docx)</translation>
    </message>
    <message>
        <source>the level of the activity &quot;%1&quot; cannot be told: its first line is indented more than that of &quot;%2&quot; above it and its text less, or the other way round (indent the items of one level alike)</source>
        <translation>úroveň aktivity „%1“ nelze určit: její první řádek je odsazen víc než u „%2“ nad ní a její text méně, nebo naopak (položky jedné úrovně odsaďte stejně)</translation>
    </message>
    <message>
        <source>the file is damaged (it has no workshop details)</source>
        <translation>soubor je poškozený (chybí v něm údaje o workshopu)</translation>
    </message>
    <message>
        <source>the backup is damaged (%1)</source>
        <translation>záloha je poškozená (%1)</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>je složka, ne soubor</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte %1)</source>
        <translation>není text v UTF-8 (bajt %1)</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at line %2, column %3</source>
        <translation>není platný JSON: %1 na řádku %2, ve sloupci %3</translation>
    </message>
    <message>
        <source>holds %1 activities; the app holds at most %2 activities</source>
        <translation>počet aktivit je %1; aplikace pojme nejvýše %2</translation>
    </message>
    <message>
        <source>not valid JSON: nested too deeply</source>
        <translation>není platný JSON: příliš hluboké vnoření</translation>
    </message>
    <message>
        <source>is %1 MB; the app imports JSON files of at most %2 MB</source>
        <translation>má %1 MB; aplikace importuje soubory JSON o velikosti nejvýše %2 MB</translation>
    </message>
    <message>
        <source>activities are nested too deeply</source>
        <translation>aktivity jsou vnořené příliš hluboko</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>soubor je prázdný</translation>
    </message>
    <message>
        <source>not a workshop file (it is not an SQLite database)</source>
        <translation>není soubor workshopu (není to databáze SQLite)</translation>
    </message>
    <message>
        <source>the file is truncated (shorter than its header)</source>
        <translation>soubor je zkrácený (kratší než jeho hlavička)</translation>
    </message>
    <message>
        <source>not a workshop file (an SQLite database of another application)</source>
        <translation>není soubor workshopu (databáze SQLite jiné aplikace)</translation>
    </message>
    <message>
        <source>the file is truncated (%1 bytes of %2)</source>
        <translation>soubor je zkrácený (%1 bajtů z %2)</translation>
    </message>
    <message>
        <source>made by a newer version of the app (file version %1, this app reads up to %2): update the app to open it</source>
        <translation>vytvořila jej novější verze aplikace (verze souboru %1, tato aplikace čte nejvýše %2): pro otevření aplikaci aktualizujte</translation>
    </message>
    <message>
        <source>the file is damaged (%1)</source>
        <translation>soubor je poškozený (%1)</translation>
    </message>
    <message>
        <source>cannot be opened (%1)</source>
        <translation>nelze otevřít (%1)</translation>
    </message>
    <message>
        <source>made by an older version of the app (file version %1): it can only be opened read-only once it has been opened for editing</source>
        <translation>vytvořila jej starší verze aplikace (verze souboru %1): jen pro čtení jej lze otevřít, až bude jednou otevřen pro úpravy</translation>
    </message>
    <message>
        <source>the journal beside it (%1) was written for another copy of the workshop, and it cannot be set aside (%2)</source>
        <translation>žurnál vedle něj (%1) patří jiné kopii workshopu a nelze jej odložit stranou (%2)</translation>
    </message>
    <message>
        <source>too big for this computer&apos;s memory</source>
        <translation>je příliš velký pro paměť tohoto počítače</translation>
    </message>
    <message>
        <source>%1: cannot write a summary as %2: use .xlsx or .docx</source>
        <translation>%1: souhrn nelze zapsat jako %2: použijte .xlsx nebo .docx</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: nelze zapsat (%2)</translation>
    </message>
    <message>
        <source>cannot be read as a workshop (%1)</source>
        <translation>nelze přečíst jako workshop (%1)</translation>
    </message>
    <message>
        <source>is given more than once</source>
        <translation>je zadán víckrát</translation>
    </message>
    <message>
        <source>is the same group&apos;s meeting of the same day as %1</source>
        <translation>je totéž jednání téže skupiny v týž den jako %1</translation>
    </message>
</context>
<context>
    <name>RegionSummary</name>
    <message>
        <source>Region &amp;summary…</source>
        <translation>Sou&amp;hrn regionu…</translation>
    </message>
    <message>
        <source>Merge many groups&apos; meetings (workshops, JSON or .docx minutes) into one Excel workbook or Word document for the regional office</source>
        <translation>Sloučit jednání mnoha skupin (workshopy, JSON nebo zápisy .docx) do jednoho sešitu Excelu nebo dokumentu Wordu pro krajský úřad</translation>
    </message>
    <message>
        <source>Region summary</source>
        <translation>Souhrn regionu</translation>
    </message>
    <message>
        <source>Each file is one group&apos;s meeting: a workshop, its JSON or its .docx minutes. Groups are told apart by their workshop&apos;s title.</source>
        <translation>Každý soubor je jedno jednání skupiny: workshop, jeho JSON nebo jeho zápis .docx. Skupiny se rozlišují podle názvu workshopu.</translation>
    </message>
    <message>
        <source>&amp;Meetings to summarise:</source>
        <translation>&amp;Jednání do souhrnu:</translation>
    </message>
    <message>
        <source>Meetings to summarise</source>
        <translation>Jednání do souhrnu</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Přidat soubory…</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Přidat soubory</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Odebrat</translation>
    </message>
    <message>
        <source>Remove the selected files</source>
        <translation>Odebrat vybrané soubory</translation>
    </message>
    <message>
        <source>Language of the summary</source>
        <translation>Jazyk souhrnu</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Ja&amp;zyk:</translation>
    </message>
    <message>
        <source>&amp;Public version: no person&apos;s name</source>
        <translation>&amp;Veřejná verze: bez jmen osob</translation>
    </message>
    <message>
        <source>Public version, without any person&apos;s name</source>
        <translation>Veřejná verze, bez jakéhokoli jména osoby</translation>
    </message>
    <message>
        <source>&amp;Write the summary…</source>
        <translation>&amp;Zapsat souhrn…</translation>
    </message>
    <message>
        <source>Add meetings to the summary</source>
        <translation>Přidat jednání do souhrnu</translation>
    </message>
    <message>
        <source>Workshops and minutes (*.workshop *.json *.docx)</source>
        <translation>Workshopy a zápisy (*.workshop *.json *.docx)</translation>
    </message>
    <message>
        <source>region-summary.xlsx</source>
        <translation>souhrn-regionu.xlsx</translation>
    </message>
    <message>
        <source>Write the region summary</source>
        <translation>Zapsat souhrn regionu</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;Word document (*.docx)</source>
        <translation>Sešit Excelu (*.xlsx);;Dokument Wordu (*.docx)</translation>
    </message>
    <message>
        <source>Reading the meetings…</source>
        <translation>Čtou se jednání…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>Read %1 of %2 meetings: %3</source>
        <translation>Přečteno %1 z %2 jednání: %3</translation>
    </message>
    <message>
        <source>Files left out:</source>
        <translation>Vynechané soubory:</translation>
    </message>
    <message>
        <source>Persons kept apart who may be one (decide in the workbook):</source>
        <translation>Osoby vedené zvlášť, které mohou být jedna (rozhodněte v sešitu):</translation>
    </message>
    <message>
        <source>The summary of %1 meetings of %2 groups is in %3.</source>
        <translation>Souhrn %1 jednání %2 skupin je v souboru %3.</translation>
    </message>
    <message>
        <source>Files left out: %1.</source>
        <translation>Vynechané soubory: %1.</translation>
    </message>
    <message>
        <source>Persons who may be one, to check: %1.</source>
        <translation>Osoby, které mohou být jedna, ke kontrole: %1.</translation>
    </message>
</context>
<context>
    <name>RemarksModel</name>
    <message>
        <source>Open</source>
        <translation>Nevypořádáno</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Akceptováno</translation>
    </message>
    <message>
        <source>Partly accepted</source>
        <translation>Částečně akceptováno</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Neakceptováno</translation>
    </message>
    <message>
        <source>Noted</source>
        <translation>Vzato na vědomí</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Připomínka</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organizace</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>How settled</source>
        <translation>Vypořádání</translation>
    </message>
    <message>
        <source>Set the status of a remark</source>
        <translation>Změnit stav připomínky</translation>
    </message>
    <message>
        <source>Edit a remark</source>
        <translation>Upravit připomínku</translation>
    </message>
    <message>
        <source>Set who raised a remark</source>
        <translation>Změnit autora připomínky</translation>
    </message>
    <message>
        <source>Set the organisation of a remark</source>
        <translation>Změnit organizaci u připomínky</translation>
    </message>
    <message>
        <source>Edit how a remark was settled</source>
        <translation>Upravit vypořádání připomínky</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Obnovit ze zálohy</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Zálohy od nejnovější</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Vytvořena</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Velikost</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Obsah</translation>
    </message>
    <message>
        <source>&amp;Restore into a new file…</source>
        <translation>&amp;Obnovit do nového souboru…</translation>
    </message>
    <message>
        <source>Restore into a new file</source>
        <translation>Obnovit do nového souboru</translation>
    </message>
    <message>
        <source>Backups of “%1”, made when it was opened and every five minutes while it changed. The one you choose is restored into a new file; the workshop itself is not changed.</source>
        <translation>Zálohy workshopu „%1“ vytvořené při jeho otevření a každých pět minut, kdy se měnil. Vybraná záloha se obnoví do nového souboru; samotný workshop se nezmění.</translation>
    </message>
    <message>
        <source>Choose a workshop, then the backup to restore into a new file. Backups are made when a workshop is opened and every five minutes while it changes.</source>
        <translation>Vyberte workshop a pak zálohu, kterou chcete obnovit do nového souboru. Zálohy se vytvářejí při otevření workshopu a každých pět minut, kdy se mění.</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>nelze přečíst: %1</translation>
    </message>
    <message>
        <source>attendees: %1, themes: %2, activities: %3</source>
        <translation>účastníci: %1, témata: %2, aktivity: %3</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Zatím žádné zálohy.</translation>
    </message>
</context>
<context>
    <name>RoomDock</name>
    <message>
        <source>Room link</source>
        <translation>Propojení s místností</translation>
    </message>
    <message>
        <source>Way in</source>
        <translation>Přístup</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Zařízení</translation>
    </message>
    <message>
        <source>Rotate the c&amp;ode</source>
        <translation>Z&amp;měnit kód</translation>
    </message>
    <message>
        <source>C&amp;lose the room</source>
        <translation>&amp;Zavřít místnost</translation>
    </message>
    <message>
        <source>Show the way in on the &amp;wall</source>
        <translation>Ukázat přístup na &amp;stěně</translation>
    </message>
    <message>
        <source>Show the way in on the wall</source>
        <translation>Ukázat přístup na stěně</translation>
    </message>
    <message>
        <source>Keep in a &amp;corner</source>
        <translation>Nechat v &amp;rohu</translation>
    </message>
    <message>
        <source>Keep the way in in a corner of the wall</source>
        <translation>Nechat přístup v rohu stěny</translation>
    </message>
    <message>
        <source>From the room, waiting for you:</source>
        <translation>Z místnosti, čeká na vás:</translation>
    </message>
    <message>
        <source>Remarks and proposals from the room</source>
        <translation>Připomínky a návrhy z místnosti</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Přijmout</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Odmí&amp;tnout</translation>
    </message>
    <message>
        <source>Vote from the phones</source>
        <translation>Hlasování z telefonů</translation>
    </message>
    <message>
        <source>&amp;Dots per device:</source>
        <translation>&amp;Hlasů na zařízení:</translation>
    </message>
    <message>
        <source>Dots per device</source>
        <translation>Hlasů na zařízení</translation>
    </message>
    <message>
        <source>Open a &amp;vote on what the wall shows</source>
        <translation>&amp;Otevřít hlasování o tom, co ukazuje stěna</translation>
    </message>
    <message>
        <source>&amp;Show the results</source>
        <translation>Ukázat &amp;výsledky</translation>
    </message>
    <message>
        <source>&amp;End the vote</source>
        <translation>&amp;Ukončit hlasování</translation>
    </message>
    <message>
        <source>Votes cast</source>
        <translation>Odevzdané hlasy</translation>
    </message>
    <message>
        <source>The vote&apos;s results: paper and phones</source>
        <translation>Výsledky hlasování: papír a telefony</translation>
    </message>
    <message>
        <source>Add the phones&apos; dots to the &amp;tallies</source>
        <translation>Přidat hlasy z telefonů k &amp;dosavadním</translation>
    </message>
    <message>
        <source>Open at %s — room code %s</source>
        <translation>Otevřeno na %s — kód místnosti %s</translation>
    </message>
    <message>
        <source>Devices following the wall: %d (joined: %d)</source>
        <translation>Zařízení sledujících stěnu: %d (připojilo se: %d)</translation>
    </message>
    <message>
        <source>The room is closed.</source>
        <translation>Místnost je zavřená.</translation>
    </message>
    <message>
        <source>Remark on “%s”: %s</source>
        <translation>Připomínka k „%s“: %s</translation>
    </message>
    <message>
        <source>Activity for “%s”: %s</source>
        <translation>Aktivita do „%s“: %s</translation>
    </message>
    <message>
        <source>No vote is open.</source>
        <translation>Žádné hlasování neprobíhá.</translation>
    </message>
    <message>
        <source>Devices that voted: %d</source>
        <translation>Zařízení, která hlasovala: %d</translation>
    </message>
    <message>
        <source>%s — paper: %s, phones: %d</source>
        <translation>%s — papír: %s, telefony: %d</translation>
    </message>
</context>
<context>
    <name>RoomLink</name>
    <message>
        <source>Roo&amp;m link</source>
        <translation>Propojení s &amp;místností</translation>
    </message>
    <message>
        <source>Let phones in the room follow the wall and send remarks, proposals and votes</source>
        <translation>Telefony v místnosti sledují stěnu a posílají připomínky, návrhy a hlasy</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>jen tento počítač</translation>
    </message>
    <message>
        <source>%s, a virtual adapter</source>
        <translation>%s, virtuální adaptér</translation>
    </message>
    <message>
        <source>Room link</source>
        <translation>Propojení s místností</translation>
    </message>
    <message>
        <source>The network the phones are on (the room link listens there alone):</source>
        <translation>Síť, ve které jsou telefony (propojení naslouchá jen v ní):</translation>
    </message>
    <message>
        <source>The room link cannot listen on %s: %s</source>
        <translation>Propojení s místností nemůže naslouchat na %s: %s</translation>
    </message>
    <message>
        <source>Accept a remark from the room on “%s”</source>
        <translation>Přijmout připomínku z místnosti k „%s“</translation>
    </message>
    <message>
        <source>Accept an activity proposed by the room</source>
        <translation>Přijmout aktivitu navrženou z místnosti</translation>
    </message>
    <message>
        <source>What it was meant for is no longer in the workshop.</source>
        <translation>To, k čemu patřila, už ve workshopu není.</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Hlasování</translation>
    </message>
    <message>
        <source>The wall shows nothing to vote on.</source>
        <translation>Stěna neukazuje nic, o čem by se dalo hlasovat.</translation>
    </message>
    <message>
        <source>Add the phones&apos; dots to the tallies</source>
        <translation>Přidat hlasy z telefonů k dosavadním</translation>
    </message>
</context>
<context>
    <name>ScreenNames</name>
    <message>
        <source>Built-in screen</source>
        <translation>Vestavěná obrazovka</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>Projektor</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Obrazovka</translation>
    </message>
    <message>
        <source>%1 (this window&apos;s)</source>
        <translation>%1 (s tímto oknem)</translation>
    </message>
    <message>
        <source>%1 on the right</source>
        <translation>%1 vpravo</translation>
    </message>
    <message>
        <source>%1 on the left</source>
        <translation>%1 vlevo</translation>
    </message>
    <message>
        <source>%1 below</source>
        <translation>%1 dole</translation>
    </message>
    <message>
        <source>%1 above</source>
        <translation>%1 nahoře</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Klávesové zkratky</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Akce</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Klávesy</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <source>What the problem comes from</source>
        <translation>Z čeho problém vychází</translation>
    </message>
    <message>
        <source>“%1” comes from these &amp;SWOT items:</source>
        <translation>„%1“ vychází z těchto položek &amp;SWOT:</translation>
    </message>
    <message>
        <source>SWOT items of the theme</source>
        <translation>Položky SWOT tématu</translation>
    </message>
</context>
<context>
    <name>StatusClock</name>
    <message>
        <source>Meeting clock</source>
        <translation>Hodiny jednání</translation>
    </message>
    <message>
        <source>The running agenda item; click to see the programme</source>
        <translation>Probíhající bod programu; kliknutím zobrazíte program</translation>
    </message>
</context>
<context>
    <name>StatusDelegate</name>
    <message>
        <source>Status of the remark</source>
        <translation>Stav připomínky</translation>
    </message>
</context>
<context>
    <name>StorageWarningBar</name>
    <message>
        <source>Saving problem</source>
        <translation>Problém s ukládáním</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Co se stalo</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>Zk&amp;usit znovu</translation>
    </message>
    <message>
        <source>Save a cop&amp;y as…</source>
        <translation>Uložit kop&amp;ii jako…</translation>
    </message>
    <message>
        <source>The workshop cannot be saved: the disk is full.</source>
        <translation>Workshop nelze uložit: disk je plný.</translation>
    </message>
    <message>
        <source>The workshop cannot be saved: its file or folder has become read-only.</source>
        <translation>Workshop nelze uložit: jeho soubor nebo složka je nyní jen pro čtení.</translation>
    </message>
    <message>
        <source>The workshop file is gone: it was deleted or moved, or its drive was removed.</source>
        <translation>Soubor workshopu zmizel: byl smazán nebo přesunut, nebo byla odpojena jeho jednotka.</translation>
    </message>
    <message>
        <source>The workshop cannot be saved: the drive does not respond.</source>
        <translation>Workshop nelze uložit: jednotka neodpovídá.</translation>
    </message>
    <message>
        <source>The workshop cannot be saved.</source>
        <translation>Workshop nelze uložit.</translation>
    </message>
    <message>
        <source>Free some space on the disk, or save a copy elsewhere.</source>
        <translation>Uvolněte místo na disku, nebo uložte kopii jinam.</translation>
    </message>
    <message>
        <source>Make the folder writable again, or save a copy elsewhere.</source>
        <translation>Znovu povolte zápis do složky, nebo uložte kopii jinam.</translation>
    </message>
    <message>
        <source>Put the drive back (then Retry), or save a copy elsewhere and go on there.</source>
        <translation>Připojte jednotku zpět (a zvolte Zkusit znovu), nebo uložte kopii jinam a pokračujte v ní.</translation>
    </message>
    <message>
        <source>Check the drive, or save a copy elsewhere.</source>
        <translation>Zkontrolujte jednotku, nebo uložte kopii jinam.</translation>
    </message>
    <message>
        <source>Save a copy elsewhere to keep working safely.</source>
        <translation>Pro bezpečnou další práci uložte kopii jinam.</translation>
    </message>
    <message>
        <source>Nothing is lost: every change is kept in this window, and the app tries again every few seconds.</source>
        <translation>Nic se neztratilo: všechny změny zůstávají v tomto okně a aplikace zkouší uložení každých několik sekund znovu.</translation>
    </message>
    <message>
        <source>Not saved since %1. The system says: %2</source>
        <translation>Neuloženo od %1. Systém hlásí: %2</translation>
    </message>
</context>
<context>
    <name>SwotMoveText</name>
    <message numerus="yes">
        <source>Move %n SWOT items</source>
        <translation>
            <numerusform>Přesunout %n položku SWOT</numerusform>
            <numerusform>Přesunout %n položky SWOT</numerusform>
            <numerusform>Přesunout %n položek SWOT</numerusform>
        </translation>
    </message>
    <message>
        <source>Move a SWOT item</source>
        <translation>Přesunout položku SWOT</translation>
    </message>
</context>
<context>
    <name>TaskDelegate</name>
    <message>
        <source>By when</source>
        <translation>Termín</translation>
    </message>
    <message>
        <source>Alt+Down opens the calendar; Delete: no date</source>
        <translation>Alt+↓ otevře kalendář; Delete: bez termínu</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Kdo za úkol odpovídá</translation>
    </message>
    <message>
        <source>The next task</source>
        <translation>Další úkol</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Úkol</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Účastníci</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. M. yyyy</translation>
    </message>
    <message>
        <source>done</source>
        <translation>splněno</translation>
    </message>
    <message>
        <source>open</source>
        <translation>nesplněno</translation>
    </message>
    <message>
        <source>Type what was agreed to add a task…</source>
        <translation>Napište dohodnutý úkol…</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nový úkol</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Úkol</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Odpovídá</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>Termín</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Splněno</translation>
    </message>
    <message>
        <source>A task needs its text; Delete removes the row instead.</source>
        <translation>Úkol musí mít text. Celý řádek odstraníte klávesou Delete.</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>Upravit úkol</translation>
    </message>
    <message>
        <source>Change who does the task</source>
        <translation>Změnit, kdo za úkol odpovídá</translation>
    </message>
    <message>
        <source>Change the date of the task</source>
        <translation>Změnit termín úkolu</translation>
    </message>
    <message>
        <source>Mark the task done</source>
        <translation>Označit úkol jako splněný</translation>
    </message>
    <message>
        <source>Mark the task open</source>
        <translation>Označit úkol jako nesplněný</translation>
    </message>
    <message>
        <source>Add task “%1”</source>
        <translation>Přidat úkol „%1“</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>Přesunout „%1“</translation>
    </message>
    <message numerus="yes">
        <source>Move %n tasks</source>
        <translation>
            <numerusform>Přesunout %n úkol</numerusform>
            <numerusform>Přesunout %n úkoly</numerusform>
            <numerusform>Přesunout %n úkolů</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <source>Tasks</source>
        <translation>Úkoly</translation>
    </message>
    <message>
        <source>Type the task, Tab to who does it and by when, Enter for the next task</source>
        <translation>Napište úkol, Tab přejde na odpovědnou osobu a termín, Enter na další úkol</translation>
    </message>
    <message>
        <source>Task tools</source>
        <translation>Nástroje úkolů</translation>
    </message>
    <message>
        <source>&amp;Tasks agreed:</source>
        <translation>Dohodnuté ú&amp;koly:</translation>
    </message>
    <message>
        <source>Number of tasks</source>
        <translation>Počet úkolů</translation>
    </message>
    <message>
        <source>Enter: next task · Tab: who, by when · Space: done or open · Delete: remove</source>
        <translation>Enter: další úkol · Tab: kdo, termín · mezerník: splněno/nesplněno · Delete: odebrat</translation>
    </message>
    <message>
        <source>Keyboard hint</source>
        <translation>Nápověda ke klávesnici</translation>
    </message>
    <message>
        <source>&amp;Add task</source>
        <translation>&amp;Přidat úkol</translation>
    </message>
    <message>
        <source>Next row</source>
        <translation>Další řádek</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Odebrat</translation>
    </message>
    <message>
        <source>Paste rows</source>
        <translation>Vložit řádky</translation>
    </message>
    <message>
        <source>&amp;Done / open</source>
        <translation>&amp;Splněno / nesplněno</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Posunout &amp;nahoru</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Posunout do&amp;lů</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n úkol</numerusform>
            <numerusform>%n úkoly</numerusform>
            <numerusform>%n úkolů</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n splněný</numerusform>
            <numerusform>%n splněné</numerusform>
            <numerusform>%n splněných</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n tasks</source>
        <translation>
            <numerusform>Vložit %n úkol</numerusform>
            <numerusform>Vložit %n úkoly</numerusform>
            <numerusform>Vložit %n úkolů</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot paste line %1: %2</source>
        <translation>Nelze vložit řádek %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n tasks.</source>
        <translation>
            <numerusform>Vložen %n úkol.</numerusform>
            <numerusform>Vloženy %n úkoly.</numerusform>
            <numerusform>Vloženo %n úkolů.</numerusform>
        </translation>
    </message>
    <message>
        <source>the task has no text</source>
        <translation>úkol nemá text</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n tasks done</source>
        <translation>
            <numerusform>Označit %n úkol jako splněný</numerusform>
            <numerusform>Označit %n úkoly jako splněné</numerusform>
            <numerusform>Označit %n úkolů jako splněné</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n tasks open</source>
        <translation>
            <numerusform>Označit %n úkol jako nesplněný</numerusform>
            <numerusform>Označit %n úkoly jako nesplněné</numerusform>
            <numerusform>Označit %n úkolů jako nesplněné</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove task “%1”</source>
        <translation>Odebrat úkol „%1“</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n tasks</source>
        <translation>
            <numerusform>Odebrat %n úkol</numerusform>
            <numerusform>Odebrat %n úkoly</numerusform>
            <numerusform>Odebrat %n úkolů</numerusform>
        </translation>
    </message>
    <message>
        <source>Move the task up</source>
        <translation>Posunout úkol nahoru</translation>
    </message>
    <message>
        <source>Move the task down</source>
        <translation>Posunout úkol dolů</translation>
    </message>
</context>
<context>
    <name>ThemeListModel</name>
    <message numerus="yes">
        <source>%n remarks</source>
        <translation>
            <numerusform>%n připomínka</numerusform>
            <numerusform>%n připomínky</numerusform>
            <numerusform>%n připomínek</numerusform>
        </translation>
    </message>
    <message>
        <source>1 remark</source>
        <translation>1 připomínka</translation>
    </message>
    <message>
        <source>A theme needs a name.</source>
        <translation>Téma musí mít název.</translation>
    </message>
    <message>
        <source>There is already a theme named “%s”.</source>
        <translation>Téma s názvem „%s“ už existuje.</translation>
    </message>
    <message>
        <source>Rename theme “%s”</source>
        <translation>Přejmenovat téma „%s“</translation>
    </message>
    <message numerus="yes">
        <source>Move %n themes</source>
        <translation>
            <numerusform>Přesunout %n téma</numerusform>
            <numerusform>Přesunout %n témata</numerusform>
            <numerusform>Přesunout %n témat</numerusform>
        </translation>
    </message>
    <message>
        <source>Move theme “%s”</source>
        <translation>Přesunout téma „%s“</translation>
    </message>
</context>
<context>
    <name>ThemeNameDialog</name>
    <message>
        <source>&amp;Name of the theme:</source>
        <translation>&amp;Název tématu:</translation>
    </message>
    <message>
        <source>Name of the theme</source>
        <translation>Název tématu</translation>
    </message>
    <message>
        <source>Why the name cannot be used</source>
        <translation>Proč název nelze použít</translation>
    </message>
</context>
<context>
    <name>UnsavedQuestion</name>
    <message>
        <source>Changes not saved</source>
        <translation>Změny nejsou uložené</translation>
    </message>
    <message>
        <source>The latest changes to “%1” are not in its file: %2</source>
        <translation>Poslední změny workshopu „%1“ nejsou v jeho souboru: %2</translation>
    </message>
    <message>
        <source>Save a copy elsewhere to keep them. Closing now loses them.</source>
        <translation>Chcete-li je zachovat, uložte kopii jinam. Zavřením teď o ně přijdete.</translation>
    </message>
    <message>
        <source>Save a cop&amp;y as…</source>
        <translation>Uložit &amp;kopii jako…</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Uložit kopii jako</translation>
    </message>
    <message>
        <source>Close and &amp;lose them</source>
        <translation>Zavřít a &amp;přijít o ně</translation>
    </message>
    <message>
        <source>Close and lose them</source>
        <translation>Zavřít a přijít o ně</translation>
    </message>
</context>
<context>
    <name>VisionPage</name>
    <message>
        <source>Write the vision here. Leave a blank line between paragraphs.</source>
        <translation>Sem napište vizi. Odstavce oddělte prázdným řádkem.</translation>
    </message>
    <message>
        <source>No draft yet: it is kept automatically when you start editing the wording.</source>
        <translation>Návrh zatím chybí: uloží se automaticky, jakmile začnete upravovat znění.</translation>
    </message>
    <message>
        <source>No remarks on this theme. Add one with Ctrl+Shift+M or Insert.</source>
        <translation>K tématu nejsou žádné připomínky. Přidáte je klávesami Ctrl+Shift+M nebo Insert.</translation>
    </message>
    <message>
        <source>Remarks on %s</source>
        <translation>Připomínky k tématu %s</translation>
    </message>
    <message numerus="yes">
        <source>Re&amp;marks (%n)</source>
        <translation>
            <numerusform>Připomín&amp;ky (%n)</numerusform>
            <numerusform>Připomín&amp;ky (%n)</numerusform>
            <numerusform>Připomín&amp;ky (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;marks</source>
        <translation>Připomín&amp;ky</translation>
    </message>
    <message>
        <source>The wording presented at the start of the workshop is kept here automatically when you start editing the wording.</source>
        <translation>Znění předložené na začátku workshopu se sem uloží automaticky, jakmile začnete upravovat znění.</translation>
    </message>
    <message>
        <source>The wording presented at the start of the workshop, kept when editing began. You can correct it here.</source>
        <translation>Znění předložené na začátku workshopu, uložené při zahájení úprav. Zde ho můžete opravit.</translation>
    </message>
    <message>
        <source>Add theme</source>
        <translation>Přidat téma</translation>
    </message>
    <message>
        <source>Add theme “%s”</source>
        <translation>Přidat téma „%s“</translation>
    </message>
    <message>
        <source>Move theme up</source>
        <translation>Posunout téma nahoru</translation>
    </message>
    <message>
        <source>Wording, draft or changes</source>
        <translation>Znění, návrh, nebo změny</translation>
    </message>
    <message>
        <source>&amp;Changes</source>
        <translation>Z&amp;měny</translation>
    </message>
    <message>
        <source>What changed from the draft to the wording, word by word</source>
        <translation>Co se od návrhu ke znění změnilo, slovo po slovu</translation>
    </message>
    <message>
        <source>Move theme down</source>
        <translation>Posunout téma dolů</translation>
    </message>
    <message>
        <source>Show the changes from the draft</source>
        <translation>Zobrazit změny oproti návrhu</translation>
    </message>
    <message>
        <source>Remove theme “%s”</source>
        <translation>Odebrat téma „%s“</translation>
    </message>
    <message>
        <source>Removed “%s” with its remarks. Undo (Ctrl+Z) brings it back.</source>
        <translation>Téma „%s“ bylo odebráno i s připomínkami. Vrátíte ho klávesami Ctrl+Z.</translation>
    </message>
    <message>
        <source>Edit the vision of “%s”</source>
        <translation>Upravit vizi tématu „%s“</translation>
    </message>
    <message>
        <source>Edit the draft of “%s”</source>
        <translation>Upravit návrh vize tématu „%s“</translation>
    </message>
    <message>
        <source>New remark</source>
        <translation>Nová připomínka</translation>
    </message>
    <message>
        <source>Add a remark on “%s”</source>
        <translation>Přidat připomínku k tématu „%s“</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n remarks</source>
        <translation>
            <numerusform>Odebrat %n připomínku</numerusform>
            <numerusform>Odebrat %n připomínky</numerusform>
            <numerusform>Odebrat %n připomínek</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove a remark</source>
        <translation>Odebrat připomínku</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>Vize</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Témata</translation>
    </message>
    <message>
        <source>&amp;Themes</source>
        <translation>&amp;Témata</translation>
    </message>
    <message>
        <source>The workshop&apos;s themes in the order of the minutes. F2 renames, Alt+Up and Alt+Down move, Delete removes.</source>
        <translation>Témata workshopu v pořadí, v jakém je uvede zápis. F2 přejmenuje, Alt+↑ a Alt+↓ přesunou, Delete odebere.</translation>
    </message>
    <message>
        <source>Rename theme</source>
        <translation>Přejmenovat téma</translation>
    </message>
    <message>
        <source>Remove theme</source>
        <translation>Odebrat téma</translation>
    </message>
    <message>
        <source>Theme message</source>
        <translation>Zpráva k tématu</translation>
    </message>
    <message>
        <source>Selected theme</source>
        <translation>Vybrané téma</translation>
    </message>
    <message>
        <source>No theme selected</source>
        <translation>Není vybráno žádné téma</translation>
    </message>
    <message>
        <source>Choose a theme on the left, or add one, to write its vision.</source>
        <translation>Vyberte vlevo téma, nebo přidejte nové, a napište jeho vizi.</translation>
    </message>
    <message>
        <source>Theme name</source>
        <translation>Název tématu</translation>
    </message>
    <message>
        <source>Wording and draft</source>
        <translation>Znění a návrh</translation>
    </message>
    <message>
        <source>&amp;Wording</source>
        <translation>Znění &amp;vize</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>Znění</translation>
    </message>
    <message>
        <source>Wording of the vision</source>
        <translation>Znění vize</translation>
    </message>
    <message>
        <source>The vision of the selected theme as agreed in the room. Leave a blank line between paragraphs.</source>
        <translation>Vize vybraného tématu, jak se na ní účastníci shodli. Odstavce oddělte prázdným řádkem.</translation>
    </message>
    <message>
        <source>Tab: the draft · Esc: back to the themes</source>
        <translation>Tab: návrh · Esc: zpět na témata</translation>
    </message>
    <message>
        <source>Keys of the wording</source>
        <translation>Klávesy znění</translation>
    </message>
    <message>
        <source>&amp;Draft</source>
        <translation>Náv&amp;rh vize</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Návrh</translation>
    </message>
    <message>
        <source>About the draft</source>
        <translation>O návrhu</translation>
    </message>
    <message>
        <source>Draft of the vision</source>
        <translation>Návrh vize</translation>
    </message>
    <message>
        <source>The wording presented at the start of the workshop, kept when editing begins.</source>
        <translation>Znění předložené na začátku workshopu, uložené při zahájení úprav.</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Připomínky</translation>
    </message>
    <message>
        <source>Add remark</source>
        <translation>Přidat připomínku</translation>
    </message>
    <message>
        <source>Remove remark</source>
        <translation>Odebrat připomínku</translation>
    </message>
    <message>
        <source>Remarks on the selected theme. Insert adds one, F2 edits a cell, Delete removes the remark.</source>
        <translation>Připomínky k vybranému tématu. Insert přidá připomínku, F2 upraví buňku, Delete připomínku odebere.</translation>
    </message>
    <message>
        <source>Add theme…</source>
        <translation>Přidat téma…</translation>
    </message>
</context>
<context>
    <name>WallPreview</name>
    <message>
        <source>Wall preview</source>
        <translation>Náhled plátna</translation>
    </message>
    <message>
        <source>A live thumbnail of what the room sees</source>
        <translation>Živý náhled toho, co vidí účastníci</translation>
    </message>
</context>
<context>
    <name>WallWindow</name>
    <message>
        <source>Wall — facilitator-app</source>
        <translation>Plátno — facilitator-app</translation>
    </message>
    <message>
        <source>Projector wall</source>
        <translation>Promítací plátno</translation>
    </message>
    <message>
        <source>What the room sees; the facilitator&apos;s window controls it</source>
        <translation>Co vidí účastníci; ovládá se z okna facilitátora</translation>
    </message>
</context>
<context>
    <name>WorkshopSafety</name>
    <message>
        <source>Took over the lock of %1 (process %2 on %3 is no longer running).</source>
        <translation>Zámek souboru %1 byl převzat (proces %2 na počítači %3 už neběží).</translation>
    </message>
    <message>
        <source>The journal beside %1 was written for another copy of this workshop: it was set aside as %2, and the workshop shows what its file holds.</source>
        <translation>Žurnál vedle souboru %1 patřil jiné kopii tohoto workshopu: byl odložen jako %2 a workshop ukazuje to, co obsahuje jeho soubor.</translation>
    </message>
    <message>
        <source>The journal beside %1 was written for another copy of this workshop: it was left out, and the workshop shows what its file holds.</source>
        <translation>Žurnál vedle souboru %1 patří jiné kopii tohoto workshopu: byl vynechán a workshop ukazuje to, co obsahuje jeho soubor.</translation>
    </message>
    <message>
        <source>%1 (read-only) — facilitator-app</source>
        <translation>%1 (jen pro čtení) — facilitator-app</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Jen pro čtení</translation>
    </message>
    <message>
        <source>Saved again: every change is in the file.</source>
        <translation>Opět uloženo: všechny změny jsou v souboru.</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Uložit kopii jako</translation>
    </message>
    <message>
        <source>%1 (copy).workshop</source>
        <translation>%1 (kopie).workshop</translation>
    </message>
    <message>
        <source>Cannot save the copy</source>
        <translation>Kopii nelze uložit</translation>
    </message>
    <message>
        <source>Saved everything in %1; the workshop goes on there.</source>
        <translation>Vše uloženo do souboru %1; workshop pokračuje v něm.</translation>
    </message>
    <message>
        <source>%1 (restored %2).workshop</source>
        <translation>%1 (obnoveno %2).workshop</translation>
    </message>
    <message>
        <source>Restore into a new file</source>
        <translation>Obnovit do nového souboru</translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation>Zálohu nelze obnovit</translation>
    </message>
    <message>
        <source>Participant %1</source>
        <translation>Účastník %1</translation>
    </message>
    <message>
        <source>There are no names to remove.</source>
        <translation>Nejsou zde žádná jména k odstranění.</translation>
    </message>
    <message>
        <source>Remove attendee names</source>
        <translation>Odstranit jména účastníků</translation>
    </message>
    <message>
        <source>Removed the names; roles, presence and counts stay. Undo brings the names back until the workshop is closed.</source>
        <translation>Jména byla odstraněna; role, přítomnost a počty zůstaly. Dokud workshop nezavřete, vrátíte je příkazem Zpět.</translation>
    </message>
</context>
</TS>
