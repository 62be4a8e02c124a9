<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>techo::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="26"/>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="27"/>
        <source>Institutions and services</source>
        <translation>医療機関・サービス</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="28"/>
        <source>Checkups</source>
        <translation>健診</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="29"/>
        <source>Checkup results</source>
        <translation>健診結果の項目</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="30"/>
        <source>Vaccinations</source>
        <translation>予防接種</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="31"/>
        <source>Dispensings</source>
        <translation>調剤</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="32"/>
        <source>Medicines dispensed</source>
        <translation>調剤された薬</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="33"/>
        <source>Sharing consents</source>
        <translation>共有の同意</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="34"/>
        <source>Shares</source>
        <translation>共有の記録</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="35"/>
        <source>Audit events</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="36"/>
        <source>Imports</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="49"/>
        <source>The passphrase is not correct.</source>
        <translation>パスフレーズが正しくありません。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="51"/>
        <source>This file is not a Techo vault.</source>
        <translation>このファイルは Techo の保管庫ではありません。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="53"/>
        <source>The vault is damaged and cannot be opened safely.</source>
        <translation>保管庫が破損しているため、安全に開けません。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="55"/>
        <source>This vault was written by a newer version of Techo. Please update Techo.</source>
        <translation>この保管庫は新しいバージョンの Techo で作成されています。Techo を更新してください。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="57"/>
        <source>The vault file no longer exists.</source>
        <translation>保管庫のファイルが見つかりません。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="59"/>
        <source>A file already exists at this place. Techo never overwrites a file.</source>
        <translation>この場所にはすでにファイルがあります。Techo はファイルを上書きしません。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="61"/>
        <source>The file could not be read or written (%1).</source>
        <translation>ファイルを読み書きできませんでした（%1）。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="71"/>
        <source>Techo — Personal Health Record</source>
        <translation>Techo — 健康手帳</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="87"/>
        <source>Records</source>
        <translation>記録の種類</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="87"/>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="95"/>
        <source>&amp;Vault</source>
        <translation>保管庫(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="97"/>
        <source>&amp;Unlock…</source>
        <translation>ロック解除(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="99"/>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="102"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="133"/>
        <source>Vault unlocked.</source>
        <translation>保管庫のロックを解除しました。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="142"/>
        <source>Vault locked.</source>
        <translation>保管庫をロックしました。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="155"/>
        <source>The vault %1 is locked. Use Vault ▸ Unlock (Ctrl+U).</source>
        <translation>保管庫 %1 はロックされています。「保管庫 ▸ ロック解除」（Ctrl+U）で開いてください。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="156"/>
        <source>There is no vault at %1 yet.</source>
        <translation>%1 にはまだ保管庫がありません。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="157"/>
        <source>Unlock…</source>
        <translation>ロック解除…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="157"/>
        <source>Create vault…</source>
        <translation>保管庫を作成…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="165"/>
        <source>Vault: %1</source>
        <translation>保管庫: %1</translation>
    </message>
</context>
<context>
    <name>techo::ui::UnlockDialog</name>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="32"/>
        <source>Create vault</source>
        <translation>保管庫の作成</translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="32"/>
        <source>Unlock vault</source>
        <translation>保管庫のロック解除</translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="36"/>
        <source>Choose a passphrase for your new vault:
%1
It cannot be recovered if you forget it.</source>
        <translation>新しい保管庫のパスフレーズを決めてください:
%1
忘れると復元できません。</translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="39"/>
        <source>Enter the passphrase of
%1</source>
        <translation>次の保管庫のパスフレーズを入力してください:
%1</translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="48"/>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="53"/>
        <source>&amp;Repeat:</source>
        <translation>もう一度(&amp;R):</translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="64"/>
        <source>Creating the vault…</source>
        <translation>保管庫を作成しています…</translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="64"/>
        <source>Unlocking…</source>
        <translation>ロックを解除しています…</translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="76"/>
        <source>Create</source>
        <translation>作成</translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="76"/>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="114"/>
        <source>The passphrase must not be empty.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
    <message>
        <location filename="../ui/UnlockDialog.cpp" line="118"/>
        <source>The two passphrases do not match.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
</context>
</TS>
