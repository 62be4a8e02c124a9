<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>techo::ui::ErrorText</name>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>パスフレーズが正しくありません。</translation>
    </message>
    <message>
        <source>This file is not a Techo vault.</source>
        <translation>このファイルは Techo の保管庫ではありません。</translation>
    </message>
    <message>
        <source>The vault is damaged and cannot be opened safely.</source>
        <translation>保管庫が破損しているため、安全に開けません。</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of Techo. Please update Techo.</source>
        <translation>この保管庫は新しいバージョンの Techo で作成されています。Techo を更新してください。</translation>
    </message>
    <message>
        <source>The vault file no longer exists.</source>
        <translation>保管庫のファイルが見つかりません。</translation>
    </message>
    <message>
        <source>A file already exists at this place. Techo never overwrites a file.</source>
        <translation>この場所にはすでにファイルがあります。Techo はファイルを上書きしません。</translation>
    </message>
    <message>
        <source>The file could not be read or written (%1).</source>
        <translation>ファイルを読み書きできませんでした（%1）。</translation>
    </message>
    <message>
        <source>Another Techo program is using this vault (for example changing its passphrase). Try again when it has finished.</source>
        <translation>別の Techo プログラムがこの保管庫を使用中です（パスフレーズの変更など）。終わってからもう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>techo::ui::LatestCheckupModel</name>
    <message>
        <source>(no value)</source>
        <translation>（値なし）</translation>
    </message>
    <message>
        <source>— no judgement value</source>
        <translation>— 判定値なし</translation>
    </message>
    <message>
        <source>— no value to judge</source>
        <translation>— 判定する値なし</translation>
    </message>
    <message>
        <source>— unknown result code</source>
        <translation>— 不明な結果コード</translation>
    </message>
    <message>
        <source>— not judged (sex needed)</source>
        <translation>— 判定なし（性別が必要）</translation>
    </message>
    <message>
        <source>— not judged (value is a bound)</source>
        <translation>— 判定なし（不等号付きの値）</translation>
    </message>
    <message>
        <source>○ Within reference range</source>
        <translation>○ 基準範囲内</translation>
    </message>
    <message>
        <source>△ Health guidance level</source>
        <translation>△ 保健指導判定値</translation>
    </message>
    <message>
        <source>▲ See a doctor (referral level)</source>
        <translation>▲ 受診勧奨判定値</translation>
    </message>
    <message>
        <source>Health guidance level: %1</source>
        <translation>保健指導判定値：%1</translation>
    </message>
    <message>
        <source>Referral level: %1</source>
        <translation>受診勧奨判定値：%1</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>変化なし</translation>
    </message>
    <message>
        <source>was %1</source>
        <translation>前回 %1</translation>
    </message>
    <message>
        <source>Previous checkup (%1): %2</source>
        <translation>前回の健診（%1）：%2</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Judgement</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Change since %1</source>
        <translation>%1 からの変化</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>前回からの変化</translation>
    </message>
</context>
<context>
    <name>techo::ui::LatestCheckupPanel</name>
    <message>
        <source>Latest checkup</source>
        <translation>最新の健診</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>対象者(&amp;P)：</translation>
    </message>
    <message>
        <source>No one&apos;s records are in this vault yet. Import them first.</source>
        <translation>この保管庫にはまだ誰の記録もありません。先に取り込んでください。</translation>
    </message>
    <message>
        <source>No checkups yet for %1.</source>
        <translation>%1 さんの健診結果はまだありません。</translation>
    </message>
    <message>
        <source>Checkup of %1 (previous: %2)</source>
        <translation>%1 の健診（前回：%2）</translation>
    </message>
    <message>
        <source>Checkup of %1 (the first one)</source>
        <translation>%1 の健診（初回）</translation>
    </message>
</context>
<context>
    <name>techo::ui::MainWindow</name>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Institutions and services</source>
        <translation>医療機関・サービス</translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation>健診</translation>
    </message>
    <message>
        <source>Checkup results</source>
        <translation>健診結果の項目</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>予防接種</translation>
    </message>
    <message>
        <source>Dispensings</source>
        <translation>調剤</translation>
    </message>
    <message>
        <source>Medicines dispensed</source>
        <translation>調剤された薬</translation>
    </message>
    <message>
        <source>Sharing consents</source>
        <translation>共有の同意</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>共有の記録</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <source>Techo — Personal Health Record</source>
        <translation>Techo — 健康手帳</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>記録の種類</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>保管庫(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>ロック解除(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Vault unlocked.</source>
        <translation>保管庫のロックを解除しました。</translation>
    </message>
    <message>
        <source>Vault locked.</source>
        <translation>保管庫をロックしました。</translation>
    </message>
    <message>
        <source>The vault %1 is locked. Use Vault ▸ Unlock (Ctrl+U).</source>
        <translation>保管庫 %1 はロックされています。「保管庫 ▸ ロック解除」（Ctrl+U）で開いてください。</translation>
    </message>
    <message>
        <source>There is no vault at %1 yet.</source>
        <translation>%1 にはまだ保管庫がありません。</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>ロック解除…</translation>
    </message>
    <message>
        <source>Create vault…</source>
        <translation>保管庫を作成…</translation>
    </message>
    <message>
        <source>Vault: %1</source>
        <translation>保管庫: %1</translation>
    </message>
</context>
<context>
    <name>techo::ui::UnlockDialog</name>
    <message>
        <source>Create vault</source>
        <translation>保管庫の作成</translation>
    </message>
    <message>
        <source>Unlock vault</source>
        <translation>保管庫のロック解除</translation>
    </message>
    <message>
        <source>Choose a passphrase for your new vault:
%1
It cannot be recovered if you forget it.</source>
        <translation>新しい保管庫のパスフレーズを決めてください:
%1
忘れると復元できません。</translation>
    </message>
    <message>
        <source>Enter the passphrase of
%1</source>
        <translation>次の保管庫のパスフレーズを入力してください:
%1</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>もう一度(&amp;R):</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>保管庫を作成しています…</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>ロックを解除しています…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>The passphrase must not be empty.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
</context>
</TS>
