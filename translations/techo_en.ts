<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>techo::ui::LatestCheckupModel</name>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="83"/>
        <source>(no value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="100"/>
        <source>— no judgement value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="102"/>
        <source>— no value to judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="105"/>
        <source>— unknown result code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="107"/>
        <source>— not judged (sex needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="109"/>
        <source>— not judged (value is a bound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="146"/>
        <source>○ Within reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="148"/>
        <source>△ Health guidance level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="150"/>
        <source>▲ See a doctor (referral level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="253"/>
        <source>Health guidance level: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="255"/>
        <source>Referral level: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="268"/>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="269"/>
        <source>was %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="274"/>
        <source>Previous checkup (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="292"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="294"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="296"/>
        <source>Judgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="299"/>
        <source>Change since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupModel.cpp" line="300"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::LatestCheckupPanel</name>
    <message>
        <location filename="../ui/LatestCheckupPanel.cpp" line="17"/>
        <source>Latest checkup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupPanel.cpp" line="22"/>
        <source>&amp;Person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupPanel.cpp" line="98"/>
        <source>No one&apos;s records are in this vault yet. Import them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupPanel.cpp" line="114"/>
        <source>No checkups yet for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupPanel.cpp" line="121"/>
        <source>Checkup of %1 (previous: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LatestCheckupPanel.cpp" line="123"/>
        <source>Checkup of %1 (the first one)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="28"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="29"/>
        <source>Institutions and services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="30"/>
        <source>Checkups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="31"/>
        <source>Checkup results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="32"/>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="33"/>
        <source>Dispensings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="34"/>
        <source>Medicines dispensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="35"/>
        <source>Sharing consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="36"/>
        <source>Shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="37"/>
        <source>Audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="38"/>
        <source>Imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="51"/>
        <source>The passphrase is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="53"/>
        <source>This file is not a Techo vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="55"/>
        <source>The vault is damaged and cannot be opened safely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="57"/>
        <source>This vault was written by a newer version of Techo. Please update Techo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="59"/>
        <source>The vault file no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="61"/>
        <source>A file already exists at this place. Techo never overwrites a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="63"/>
        <source>The file could not be read or written (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="65"/>
        <source>Another Techo program is using this vault (for example changing its passphrase). Try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="76"/>
        <source>Techo — Personal Health Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="92"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="92"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="105"/>
        <source>&amp;Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="107"/>
        <source>&amp;Unlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="109"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="112"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="143"/>
        <source>Vault unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="153"/>
        <source>Vault locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="168"/>
        <source>The vault %1 is locked. Use Vault ▸ Unlock (Ctrl+U).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="169"/>
        <source>There is no vault at %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="170"/>
        <source>Unlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="170"/>
        <source>Create vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="178"/>
        <source>Vault: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>techo::ui::UnlockDialog</name>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="33"/>
        <source>Create vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="33"/>
        <source>Unlock vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="37"/>
        <source>Choose a passphrase for your new vault:
%1
It cannot be recovered if you forget it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="40"/>
        <source>Enter the passphrase of
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="49"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="54"/>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="65"/>
        <source>Creating the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="65"/>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="77"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="77"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="115"/>
        <source>The passphrase must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="119"/>
        <source>The two passphrases do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
