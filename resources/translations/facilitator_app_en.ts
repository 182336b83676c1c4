<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActivitiesPage</name>
    <message numerus="yes">
        <source>Delete %n activities?</source>
        <translation>
            <numerusform>Delete %n activity?</numerusform>
            <numerusform>Delete %n activities?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n activities</source>
        <translation>
            <numerusform>Delete %n activity</numerusform>
            <numerusform>Delete %n activities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityTreeModel</name>
    <message numerus="yes">
        <source>Move %n activities</source>
        <translation>
            <numerusform>Move %n activity</numerusform>
            <numerusform>Move %n activities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n agenda items</source>
        <translation>
            <numerusform>Paste %n agenda item</numerusform>
            <numerusform>Paste %n agenda items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n agenda items.</source>
        <translation>
            <numerusform>Pasted %n agenda item.</numerusform>
            <numerusform>Pasted %n agenda items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n agenda items</source>
        <translation>
            <numerusform>Remove %n agenda item</numerusform>
            <numerusform>Remove %n agenda items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgendaTableModel</name>
    <message numerus="yes">
        <source>%n min over the plan</source>
        <translation>
            <numerusform>%n min over the plan</numerusform>
            <numerusform>%n min over the plan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min less than planned</source>
        <translation>
            <numerusform>%n min less than planned</numerusform>
            <numerusform>%n min less than planned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n agenda items</source>
        <translation>
            <numerusform>Move %n agenda item</numerusform>
            <numerusform>Move %n agenda items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message numerus="yes">
        <source>Paste %n items</source>
        <translation>
            <numerusform>Paste %n item</numerusform>
            <numerusform>Paste %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttendeesPage</name>
    <message numerus="yes">
        <source>%1 present, %n excused</source>
        <translation>
            <numerusform>%1 present, %n excused</numerusform>
            <numerusform>%1 present, %n excused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n present</source>
        <translation>
            <numerusform>Mark %n present</numerusform>
            <numerusform>Mark %n present</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n excused</source>
        <translation>
            <numerusform>Mark %n excused</numerusform>
            <numerusform>Mark %n excused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the role of %n</source>
        <translation>
            <numerusform>Change the role of %n</numerusform>
            <numerusform>Change the role of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n attendees</source>
        <translation>
            <numerusform>Remove %n attendee</numerusform>
            <numerusform>Remove %n attendees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n attendees</source>
        <translation>
            <numerusform>Paste %n attendee</numerusform>
            <numerusform>Paste %n attendees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n attendees.</source>
        <translation>
            <numerusform>Pasted %n attendee.</numerusform>
            <numerusform>Pasted %n attendees.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n attendees</source>
        <translation>
            <numerusform>Import %n attendee</numerusform>
            <numerusform>Import %n attendees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n attendees from %1.</source>
        <translation>
            <numerusform>Imported %n attendee from %1.</numerusform>
            <numerusform>Imported %n attendees from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message numerus="yes">
        <source>%n words inserted</source>
        <translation>
            <numerusform>%n word inserted</numerusform>
            <numerusform>%n words inserted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n words deleted</source>
        <translation>
            <numerusform>%n word deleted</numerusform>
            <numerusform>%n words deleted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message numerus="yes">
        <source>Move %n problems</source>
        <translation>
            <numerusform>Move %n problem</numerusform>
            <numerusform>Move %n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message numerus="yes">
        <source>%n votes</source>
        <translation>
            <numerusform>%n vote</numerusform>
            <numerusform>%n votes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message numerus="yes">
        <source>%n votes in total</source>
        <translation>
            <numerusform>%n vote in total</numerusform>
            <numerusform>%n votes in total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activities with votes</source>
        <translation>
            <numerusform>%n activity with votes</numerusform>
            <numerusform>%n activities with votes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SwotMoveText</name>
    <message numerus="yes">
        <source>Move %n SWOT items</source>
        <translation>
            <numerusform>Move %n SWOT item</numerusform>
            <numerusform>Move %n SWOT items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message numerus="yes">
        <source>Move %n tasks</source>
        <translation>
            <numerusform>Move %n task</numerusform>
            <numerusform>Move %n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n done</numerusform>
            <numerusform>%n done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n tasks</source>
        <translation>
            <numerusform>Paste %n task</numerusform>
            <numerusform>Paste %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n tasks.</source>
        <translation>
            <numerusform>Pasted %n task.</numerusform>
            <numerusform>Pasted %n tasks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n tasks done</source>
        <translation>
            <numerusform>Mark %n task done</numerusform>
            <numerusform>Mark %n tasks done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n tasks open</source>
        <translation>
            <numerusform>Mark %n task open</numerusform>
            <numerusform>Mark %n tasks open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n tasks</source>
        <translation>
            <numerusform>Remove %n task</numerusform>
            <numerusform>Remove %n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThemeListModel</name>
    <message numerus="yes">
        <source>%n remarks</source>
        <translation>
            <numerusform>%n remark</numerusform>
            <numerusform>%n remarks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n themes</source>
        <translation>
            <numerusform>Move %n theme</numerusform>
            <numerusform>Move %n themes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisionPage</name>
    <message numerus="yes">
        <source>Re&amp;marks (%n)</source>
        <translation>
            <numerusform>Re&amp;marks (%n)</numerusform>
            <numerusform>Re&amp;marks (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n remarks</source>
        <translation>
            <numerusform>Remove %n remark</numerusform>
            <numerusform>Remove %n remarks</numerusform>
        </translation>
    </message>
</context>
</TS>
