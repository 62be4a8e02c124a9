<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CheckupText</name>
    <message>
        <source>Within reference range</source>
        <translation>基準範囲内</translation>
    </message>
    <message>
        <source>Health guidance level</source>
        <translation>保健指導判定値</translation>
    </message>
    <message>
        <source>Referral level (see a doctor)</source>
        <translation>受診勧奨判定値</translation>
    </message>
    <message>
        <source>Not judged: the programme gives no judgement value for this item.</source>
        <translation>判定なし：この項目には判定値が定められていません。</translation>
    </message>
    <message>
        <source>Not judged: there is no value to judge.</source>
        <translation>判定できず：判定できる値がありません。</translation>
    </message>
    <message>
        <source>Not judged: the result code is not one Techo knows.</source>
        <translation>判定できず：このアプリでは読み取れない結果コードです。</translation>
    </message>
    <message>
        <source>Not judged: the judgement values differ for men and women, and this profile&apos;s sex is not recorded.</source>
        <translation>判定できず：判定値が男女で異なり、このプロフィールには性別が登録されていません。</translation>
    </message>
    <message>
        <source>Not judged: the value is a bound, and the values it allows fall in more than one band.</source>
        <translation>判定できず：値が「未満」「以上」などの範囲で報告されており、その範囲が複数の判定区分にまたがります。</translation>
    </message>
</context>
<context>
    <name>techo::ui::CheckupResultsView</name>
    <message>
        <source>&amp;Show:</source>
        <translation>表示(&amp;S):</translation>
    </message>
    <message>
        <source>Item group</source>
        <translation>項目の区分</translation>
    </message>
    <message>
        <source>Show one group of items (Alt+S)</source>
        <translation>1つの区分の項目だけを表示します (Alt+S)</translation>
    </message>
    <message>
        <source>Checkup results by year</source>
        <translation>年ごとの健診結果</translation>
    </message>
    <message>
        <source>Items as rows, checkups as columns, newest first. Select a row to see the item&apos;s trend.</source>
        <translation>行が検査項目、列が健診（新しい順）です。行を選ぶと、その項目の経過が表示されます。</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>検査項目</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>Copy the selected cells (%1); the clipboard is cleared after %n seconds</source>
        <translation>
            <numerusform>選択したセルをコピーします（%1）。クリップボードは %n 秒後に消去されます</numerusform>
        </translation>
    </message>
    <message>
        <source>No checkup results for %1 yet. Import records to see them here.</source>
        <translation>%1 さんの健診結果はまだありません。記録を取り込むと、ここに表示されます。</translation>
    </message>
    <message>
        <source>1 checkup (%1)</source>
        <translation>健診 1回（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n checkups, %1 – %2</source>
        <translation>
            <numerusform>健診 %n回（%1～%2）</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an item in the table to see its trend here.</source>
        <translation>表の項目を選ぶと、ここに経過が表示されます。</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>すべての項目</translation>
    </message>
    <message>
        <source>%1

Its trend chart will appear here.</source>
        <translation>%1

ここに経過グラフが表示されます。</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>判定できず</translation>
    </message>
</context>
<context>
    <name>techo::ui::CheckupTableModel</name>
    <message>
        <source>Body measurements</source>
        <translation>身体計測</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>血圧</translation>
    </message>
    <message>
        <source>Lipids</source>
        <translation>脂質</translation>
    </message>
    <message>
        <source>Liver function</source>
        <translation>肝機能</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>血糖</translation>
    </message>
    <message>
        <source>Urine</source>
        <translation>尿</translation>
    </message>
    <message>
        <source>Kidney function</source>
        <translation>腎機能</translation>
    </message>
    <message>
        <source>Anemia</source>
        <translation>貧血</translation>
    </message>
    <message>
        <source>ECG</source>
        <translation>心電図</translation>
    </message>
    <message>
        <source>Fundus</source>
        <translation>眼底</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>問診</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 ほか%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>official Japanese item name, English gloss</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>item name (unit)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>判定できず</translation>
    </message>
    <message>
        <source>%1
Select the row to see its trend.</source>
        <translation>%1
行を選ぶと、経過が表示されます。</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>値なし</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Health guidance level %1</source>
        <translation>保健指導判定値 %1</translation>
    </message>
    <message>
        <source>Referral level %1</source>
        <translation>受診勧奨判定値 %1</translation>
    </message>
    <message>
        <source>%1 (the values for men)</source>
        <translation>%1（男性の判定値）</translation>
    </message>
    <message>
        <source>%1 (the values for women)</source>
        <translation>%1（女性の判定値）</translation>
    </message>
    <message>
        <source>Reported as a bound: every value %1.</source>
        <translation>範囲で報告された値です（%1 のいずれか）。</translation>
    </message>
    <message>
        <source>Converted from the JDS value %1 % (NGSP = 1.02 × JDS + 0.25).</source>
        <translation>JDS値 %1 % から換算した値です（NGSP = 1.02 × JDS + 0.25）。</translation>
    </message>
    <message>
        <source>The mean of the 1st and 2nd readings of the day.</source>
        <translation>当日の1回目と2回目の測定値の平均値です。</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>出典：%1</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>検査項目</translation>
    </message>
    <message>
        <source>Sort in the official order of the 特定健診 result</source>
        <translation>特定健診の結果の順に並べ替えます</translation>
    </message>
    <message>
        <source>Click to sort by this checkup&apos;s judgements, most serious first</source>
        <translation>クリックすると、この健診の判定が重い順に並べ替えます</translation>
    </message>
</context>
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
