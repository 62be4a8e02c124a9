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
    <message>
        <source>%1 · %2</source>
        <comment>official Japanese item name, English gloss</comment>
        <translation type="unfinished"></translation>
    </message>
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
</context>
<context>
    <name>techo::ui::AppController</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading records… (you can keep reading)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the import… (the views wait for it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled by locking. Nothing was written.</source>
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
    <name>techo::ui::CurrentMedicinesModel</name>
    <message>
        <source>unknown institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — prescribed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingredient: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another institution prescribed the same ingredient for the same days (see the warning).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 dose, as needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 doses, as needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>external use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispensed on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record does not say how long this medicine lasts; Techo counts %1 days from the dispensing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lasts until</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::DashboardView</name>
    <message>
        <source>a saved file (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Mynaportal API (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicines at hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate medication warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicines at hand today (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; was prescribed by both %2 and %3 for the same days (%4 – %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Possible duplicate medication (重複投薬)&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;Do not stop or change a medicine on your own: show this to your doctor or pharmacist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No medicine is at hand today for %1 according to the dispensing records. Pharmacy records reach Mynaportal about a month after the visit: import again later to see recent ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vaccinations recorded for %1. Vaccination records from the municipality arrive with an import (File ▸ Import…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been imported into this vault yet: use File ▸ Import… to bring in records from Mynaportal or a saved file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last import: %1 from %2 — %3 added, %4 updated, %5 unchanged, %6 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo server on this computer (%1)</source>
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
        <source>Another Techo program is using this vault (for example changing its passphrase). Try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file could not be read or written (permissions, a full disk or a missing file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Techo could not get the records from the service: the connection, its certificate (check the CA file) or the service&apos;s answer failed. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data received is not in the expected form. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Techo was asked for something it cannot do with this input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error occurred in Techo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase contains characters that cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This checkup item is not known to Techo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person %1 is stored as %2 (%3, born %4), but the new records say %5 (%6, born %7). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service gave access to no person&apos;s records. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service sent another person&apos;s records than the ones asked for. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data received is not in the expected form at %1: %2 Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused the request (code %1). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service sent another part of the records than the one asked for. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service announced more parts than Techo accepts. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service changed the number of parts while sending. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access was declined in the browser. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of the My Number Card has expired. Renew it at your municipal office, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Techo&apos;s access to your health data has ended. Authorize Techo again, then import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authorization in the browser was not completed in time. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a group of fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a date in a known form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a real calendar date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is before the person&apos;s date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a 17-character checkup item code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a checkup item code Techo does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be PQ, CD, CO or ST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not match the kind of value this item has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a unit this item can have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is outside the possible range for this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names a code system this item does not use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a code of this item&apos;s code system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be H or L.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 repeats an item of this checkup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 repeats a line of this dispensing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a unit a medicine is dispensed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a 12-character YJ code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a 9-digit receipt drug code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dispensing institution is missing (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a known vaccine code system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not TKK, YZK or PMH_VAC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not the kind of records that was asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than the number of parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two copies of this record give different values; neither was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup result %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispensing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicine line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicine line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a Techo export (it is not JSON). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Techo export cannot be imported: %1 is not as expected. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export was written by a newer version of Techo (format %1). Please update Techo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is no longer in the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start of the period is after its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a file or folder name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. An export never replaces a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record holds text that is not valid Unicode; it cannot be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is not valid JSON (it may have been cut off). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary&apos;s QR code cannot hold even the person and the dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zip file could not be written (permissions or a full disk). Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the CSV export can be saved as one zip file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A summary for a doctor is about one person: choose whose records it shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault holds no records of a person yet: there is nothing to summarise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between 1 and 5 checkups can be shown side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This program cannot make PDF files (it was built without the desktop app).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Japanese font for the PDF (Noto Sans CJK JP, package fonts-noto-cjk) is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a FHIR file. Techo imports its own JSON export and Mynaportal-style responses, not FHIR. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a CSV file. Techo cannot import CSV: import its JSON export or a Mynaportal-style response instead. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder of a Techo CSV export. Techo cannot import CSV: import its JSON export instead. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder. Choose one file: a Techo JSON export or a Mynaportal-style response. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a zip archive (a CSV export can be one). Techo imports its own JSON export and Mynaportal-style responses, not zip or CSV. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name %1 is too long for this disk (%2 bytes; at most %3). Choose a shorter name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary would be empty: this person has no records of the chosen parts in this period. Choose other parts or a longer period.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::ExportCountsModel</name>
    <message>
        <source>Persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup results (items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispensings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicine lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-recorded measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical institutions and pharmacies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports (provenance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient (the person)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation (checkup results)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunization (vaccinations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MedicationDispense (medicines dispensed, one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MedicationRequest (e-prescriptions, one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization (institutions, pharmacies, sources)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provenance (where the records came from)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispensings written as no resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkups side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup items (rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent dispensings (medicine lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccination history (rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::ExportDialog</name>
    <message>
        <source>Export records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PDF for your doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;JSON — everything, can be imported again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CSV — for spreadsheets (Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;FHIR R4 (JP Core) — for medical systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV as a folder or a zip file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder of files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one .zip file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV column names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English column names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese column names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pers&amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only records &amp;dated from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kinds of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;heckups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Medicines (dispensings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-&amp;recorded measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections of the summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Latest checkups side by side, up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of checkups side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trend charts of the key items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current &amp;medicines and recent dispensings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vaccination history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records to be exported, by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the export is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the export is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export never replaces a file. It is recorded in the vault&apos;s audit log (what, when, how many; never the data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export is written to a hidden file beside the destination and put in place only when it is complete. Cancel at any time leaves nothing behind. You can keep using Techo meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops the export; nothing is written (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records exported, by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the folder that holds the export in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;more…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone in the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A summary of the chosen sections on A4 pages, in Japanese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF summary is not available in this version of Techo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A summary a doctor can read in a minute: the latest %n checkup(s) side by side, with the judgement marks and reference values; the counts are the records it draws on.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every chosen record with where it came from. Techo can import this file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file per kind of record (checkups one row per result), UTF-8 that Excel opens as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One FHIR R4 Bundle with JP Core profiles, for systems that read FHIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one kind of record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zip (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the export (a full path).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing checkups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing dispensings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing vaccinations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export is recorded in the vault&apos;s audit log. The file holds health data: keep it as safe as the vault, and delete it when it is no longer needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export did not complete. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records being exported, by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;QR code of the key values on the last page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code of the key values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A clinic can read the summary&apos;s key values from it without retyping them. It is not signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts the export (Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records (to be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file manager could be opened. The export is in this folder:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR resources written to the Bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the summary shows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records written, by kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record can become several resources, or none: each medicine line of a dispensing is one MedicationDispense, each line of an e-prescription (処方) one MedicationRequest; a claims dispensing superseded by the e-prescription dispensing of the same visit, and a dispensing without medicine lines, are written as no resource. Organizations include the sources of the records.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::ImportDialog</name>
    <message>
        <source>Import records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where should the records come from?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Demo records from the built-in sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;My health records service (API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;saved result file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Techo starts a local test server with an invented family on this computer. Nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system&apos;s certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You log in and consent in your web browser; the browser then returns to Techo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the result file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API results (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only records &amp;dated from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a period, everything the source holds is imported. Records already in the vault are recognised and not added twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress per person and kind of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is not changed until the records have been received; then they are written all at once. Cancel at any time leaves the vault as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops the import; the vault stays as it was (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported records per kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected records and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;more…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of your health records service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a saved result file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If your browser did not open, open this address: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log in and consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in and consent in your web browser; Techo waits for it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting and authorizing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving records… You can keep using Techo meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the import into the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for your decision about a person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished. Nothing new: the vault already held these records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished. The new records are in your vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records and values rejected and not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (person ID %2) was kept apart in a profile of their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records of %1 (person ID %2) were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records of skipped persons left out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import did not complete. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished. The new records are in your vault; %1 records or values were rejected — see the list below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was added: %1 records or values were rejected — see the list below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished. The source held no records.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::ImportProgressModel</name>
    <message>
        <source>%1 written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>part %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::ImportRejectionModel</name>
    <message>
        <source>The value already in the vault was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where in the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (item code %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::ImportReportModel</name>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
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
        <source>Latest checkup results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one&apos;s records are in this vault yet. Import them first (File ▸ Import…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checkups yet for %1. Checkup results appear here after an import (File ▸ Import…) once the insurer has sent them to Mynaportal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup of %1 — previous: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup of %1 — the first one</source>
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
        <source>Unlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without input.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Locked because the desktop session was locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records yet. Import them with File ▸ Import (Ctrl+I).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import records (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the vault (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename profile locally…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name Techo shows for this person; imports never change it (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;iew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Techo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name Techo shows for this person (imports never change it; leave empty for the name from the source):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile renamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next field or control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+P, then the arrow keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Techo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Techo (健康手帳)&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;A personal health record for people in Japan: your own and your family&apos;s checkups, medicines and vaccinations in an encrypted file on this computer.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your records are hidden while the vault is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export records: a PDF for your doctor, JSON, CSV or FHIR (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::OverviewView</name>
    <message>
        <source>Records in the vault</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::PersonConflictDialog</name>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is this the same person?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new records for person ID %1 carry other personal details than the ones in your vault. Techo never changes who a stored person is. Please compare and choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In your vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the new records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should Techo do with the new records?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep apart: they belong to someone else — put them in a new profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip: leave this person&apos;s new records out of this import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::ProfileSwitcher</name>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose records the views show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (family)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name from the source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::SandboxLauncher</name>
    <message>
        <source>The demo server (techo-sandbox) was not found beside Techo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server could not be prepared (no temporary folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server did not start in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server answered in an unexpected way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo server stopped while starting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time Techo starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes without input before the vault locks itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault locks itself after this many minutes without keyboard or mouse input (0 = never). Ctrl+L locks it at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loc&amp;k after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Mynaportal API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: imports use the built-in demo sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a web address. Example: https://api.example.jp/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must start with https:// (records travel encrypted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file at this path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a file Techo can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Western calendar only (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the Japanese era beside it (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::TrendChartPlot</name>
    <message>
        <source>Trend of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n checkup(s)</source>
        <translation>
            <numerusform>%n checkup</numerusform>
            <numerusform>%n checkups</numerusform>
        </translation>
    </message>
    <message>
        <source>latest %1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported as a bound: the value is below the number shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported as a bound: the value is above the number shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported as JDS %1 %; converted to NGSP (1.02 × JDS + 0.25).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mean of the 1st and 2nd readings of the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup facility: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::TrendChartStyle</name>
    <message>
        <source>(no value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ministry of Health, Labour and Welfare, Standard Programme for Health Checkups and Health Guidance (FY2024 edition), Part 2, Annex 5: guidance and referral values of the checkup items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ministry of Health, Labour and Welfare, Standard Programme for Health Checkups and Health Guidance (FY2024 edition), Part 2, Chapter 3, stratification step 1 (visceral fat risk)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::TrendChartView</name>
    <message>
        <source>A value reported as a bound (&quot;&lt;5&quot;): drawn at the bound, open, the arrow pointing to where the value lies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend chart message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the values are judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item has no trend chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a number: its results are listed in the checkup table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 values for %2 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its judgement values differ for men and women and this profile has no sex recorded, so no bands are drawn and the values are not judged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The programme gives no judgement value for this item: no bands are drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a band and its values</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are the values for men; they differ for women.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are the values for women; they differ for men.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The programme sets no referral value for this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest (%1): %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) reported as JDS (before FY2013) are converted to NGSP: NGSP = 1.02 × JDS + 0.25, rounded to 0.1 % (Japan Diabetes Society, 2012).</source>
        <translation>
            <numerusform>%n value reported as JDS (before FY2013) is converted to NGSP: NGSP = 1.02 × JDS + 0.25, rounded to 0.1 % (Japan Diabetes Society, 2012).</numerusform>
            <numerusform>%n values reported as JDS (before FY2013) are converted to NGSP: NGSP = 1.02 × JDS + 0.25, rounded to 0.1 % (Japan Diabetes Society, 2012).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) are the mean of the day&apos;s 1st and 2nd readings, as the specific health checkup (特定健診) judges blood pressure; other days show the one reading taken.</source>
        <translation>
            <numerusform>%n point is the mean of the day&apos;s 1st and 2nd readings, as the specific health checkup (特定健診) judges blood pressure; other days show the one reading taken.</numerusform>
            <numerusform>%n points are the mean of the day&apos;s 1st and 2nd readings, as the specific health checkup (特定健診) judges blood pressure; other days show the one reading taken.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) not shown: a unit that cannot be compared, or no number.</source>
        <translation>
            <numerusform>%n value not shown: a unit that cannot be compared, or no number.</numerusform>
            <numerusform>%n values not shown: a unit that cannot be compared, or no number.</numerusform>
        </translation>
    </message>
    <message>
        <source>Judged for: a man (the profile&apos;s sex).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judged for: a woman (the profile&apos;s sex).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard: Tab to a chart, then ← → Home End read its checkups one by one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value of an item with no judgement value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::UnlockDialog</name>
    <message>
        <source>Unlock vault</source>
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
        <source>Unlocking…</source>
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
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a vault file. Start Techo with the path of a vault file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Techo may not read the file %1 (its permissions do not allow it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::VaccinationsModel</name>
    <message>
        <source>%1 (not given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dose %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>municipality %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::WelcomePage</name>
    <message>
        <source>Welcome to Techo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Techo keeps your and your family&apos;s checkup results, medicines and vaccinations in one encrypted file on this computer. Nothing leaves it unless you share it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create your vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep your passphrase safe.&lt;/b&gt; If you forget it, nobody can open the vault — not you, not Techo&apos;s makers — and the records in it are lost. Write it down and keep it somewhere only you can reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault will be saved as %1 in the folder %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your vault is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where do your records come from? You can import more at any time with File ▸ Import (Ctrl+I).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it with demo records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made-up records of a demo family from Techo&apos;s built-in test server, to look around safely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From my health record service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in at your service&apos;s own page in the browser and import your records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a saved file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file downloaded from your health record service earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with an empty vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use several unrelated words; a whole sentence works well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very weak: easily guessed. Add more unrelated words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak: add another word or two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent.</source>
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
    <message>
        <source>Techo cannot create the vault in the folder %1: the folder cannot be created, or Techo may not write in it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
