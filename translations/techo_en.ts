<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CheckupText</name>
    <message>
        <source>Within reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health guidance level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral level (see a doctor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not judged: the programme gives no judgement value for this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not judged: there is no value to judge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not judged: the result code is not one Techo knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not judged: the judgement values differ for men and women, and this profile&apos;s sex is not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not judged: the value is a bound, and the values it allows fall in more than one band.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::CheckupResultsView</name>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one group of items (Alt+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup results by year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items as rows, checkups as columns, newest first. Select a row to see the item&apos;s trend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copy the selected cells (%1); the clipboard is cleared after %n seconds</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No checkup results for %1 yet. Import records to see them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 checkup (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n checkups, %1 – %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select an item in the table to see its trend here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Its trend chart will appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not judged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::CheckupTableModel</name>
    <message>
        <source>Body measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lipids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liver function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kidney function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anemia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fundus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>official Japanese item name, English gloss</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>item name (unit)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Select the row to see its trend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health guidance level %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral level %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the values for men)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the values for women)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported as a bound: every value %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converted from the JDS value %1 % (NGSP = 1.02 × JDS + 0.25).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mean of the 1st and 2nd readings of the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort in the official order of the 特定健診 result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to sort by this checkup&apos;s judgements, most serious first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::ErrorText</name>
    <message>
        <source>The passphrase is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a Techo vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is damaged and cannot be opened safely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault was written by a newer version of Techo. Please update Techo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault file no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file already exists at this place. Techo never overwrites a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read or written (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Techo program is using this vault (for example changing its passphrase). Try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::LatestCheckupModel</name>
    <message>
        <source>(no value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— no judgement value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— no value to judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— unknown result code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not judged (sex needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not judged (value is a bound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Within reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>△ Health guidance level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ See a doctor (referral level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health guidance level: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral level: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous checkup (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::LatestCheckupPanel</name>
    <message>
        <source>Latest checkup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one&apos;s records are in this vault yet. Import them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checkups yet for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup of %1 (previous: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup of %1 (the first one)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::MainWindow</name>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institutions and services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispensings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicines dispensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Techo — Personal Health Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault %1 is locked. Use Vault ▸ Unlock (Ctrl+U).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vault at %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::UnlockDialog</name>
    <message>
        <source>Create vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase for your new vault:
%1
It cannot be recovered if you forget it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase of
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
