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
    <message>
        <source>%1 · %2</source>
        <comment>official Japanese item name, English gloss</comment>
        <translation>%1 · %2</translation>
    </message>
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
</context>
<context>
    <name>techo::ui::AppController</name>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Checkup results</source>
        <translation>健診結果</translation>
    </message>
    <message>
        <source>Downloading records… (you can keep reading)</source>
        <translation>記録を受信しています…（この間も閲覧できます）</translation>
    </message>
    <message>
        <source>Writing the import… (the views wait for it)</source>
        <translation>取り込みを書き込んでいます…（表示は書き込みの完了を待ちます）</translation>
    </message>
    <message>
        <source>The export was cancelled by locking. Nothing was written.</source>
        <translation>書き出しはロックにより中止されました。何も書き出されていません。</translation>
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
    <name>techo::ui::CurrentMedicinesModel</name>
    <message>
        <source>unknown institution</source>
        <translation>医療機関不明</translation>
    </message>
    <message>
        <source>%1 — prescribed twice</source>
        <translation>%1 — 重複の可能性</translation>
    </message>
    <message>
        <source>Ingredient: %1</source>
        <translation>成分：%1</translation>
    </message>
    <message>
        <source>Another institution prescribed the same ingredient for the same days (see the warning).</source>
        <translation>同じ成分が別の医療機関からも同じ期間に処方されています（上の注意をご覧ください）。</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1日分</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1日分</translation>
    </message>
    <message>
        <source>as needed</source>
        <translation>頓用</translation>
    </message>
    <message>
        <source>1 dose, as needed</source>
        <translation>頓用 1回分</translation>
    </message>
    <message>
        <source>%1 doses, as needed</source>
        <translation>頓用 %1回分</translation>
    </message>
    <message>
        <source>external use</source>
        <translation>外用</translation>
    </message>
    <message>
        <source>Dispensed on %1</source>
        <translation>調剤日：%1</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>%1 ごろ</translation>
    </message>
    <message>
        <source>The record does not say how long this medicine lasts; Techo counts %1 days from the dispensing.</source>
        <translation>記録に使用期間がないため、調剤日から%1日間として数えています（目安）。</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>薬品名</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>用法・用量</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>調剤数量</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>処方医療機関</translation>
    </message>
    <message>
        <source>Lasts until</source>
        <translation>服用終了予定</translation>
    </message>
</context>
<context>
    <name>techo::ui::DashboardView</name>
    <message>
        <source>a saved file (%1)</source>
        <translation>保存したファイル（%1）</translation>
    </message>
    <message>
        <source>the Mynaportal API (%1)</source>
        <translation>マイナポータル API（%1）</translation>
    </message>
    <message>
        <source>Latest vaccinations</source>
        <translation>最近の予防接種</translation>
    </message>
    <message>
        <source>Medicines at hand</source>
        <translation>服用中の薬</translation>
    </message>
    <message>
        <source>Duplicate medication warning</source>
        <translation>重複投薬の注意</translation>
    </message>
    <message>
        <source>Medicines at hand today (%1)</source>
        <translation>服用中の薬（%1 現在）</translation>
    </message>
    <message>
        <source>an unknown institution</source>
        <translation>不明な医療機関</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; was prescribed by both %2 and %3 for the same days (%4 – %5).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; が %2 と %3 の両方から同じ期間（%4〜%5）に処方されています。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Possible duplicate medication (重複投薬)&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;Do not stop or change a medicine on your own: show this to your doctor or pharmacist.</source>
        <translation>&lt;b&gt;重複投薬の可能性があります&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;自己判断で薬をやめたり変えたりせず、医師または薬剤師にこの画面を見せて相談してください。</translation>
    </message>
    <message>
        <source>No medicine is at hand today for %1 according to the dispensing records. Pharmacy records reach Mynaportal about a month after the visit: import again later to see recent ones.</source>
        <translation>調剤の記録によると、%1 さんが今日服用中の薬はありません。薬局の記録がマイナポータルに届くのは受診の約1か月後です。最近の薬は、後日もう一度取り込むと表示されます。</translation>
    </message>
    <message>
        <source>No vaccinations recorded for %1. Vaccination records from the municipality arrive with an import (File ▸ Import…).</source>
        <translation>%1 さんの予防接種の記録はまだありません。市区町村の予防接種記録は取り込み（ファイル ▸ 取り込み…）で届きます。</translation>
    </message>
    <message>
        <source>Nothing has been imported into this vault yet: use File ▸ Import… to bring in records from Mynaportal or a saved file.</source>
        <translation>この保管庫にはまだ何も取り込まれていません。ファイル ▸ 取り込み… から、マイナポータルまたは保存したファイルの記録を取り込んでください。</translation>
    </message>
    <message>
        <source>Last import: %1 from %2 — %3 added, %4 updated, %5 unchanged, %6 rejected</source>
        <translation>最終取り込み：%1&#x3000;取り込み元：%2 — 追加 %3 件・更新 %4 件・変更なし %5 件・除外 %6 件</translation>
    </message>
    <message>
        <source>the demo server on this computer (%1)</source>
        <translation>このコンピューター上のデモ用サーバー（%1）</translation>
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
        <source>Another Techo program is using this vault (for example changing its passphrase). Try again when it has finished.</source>
        <translation>別の Techo プログラムがこの保管庫を使用中です（パスフレーズの変更など）。終わってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>A file could not be read or written (permissions, a full disk or a missing file).</source>
        <translation>ファイルを読み書きできませんでした（権限、ディスクの空き容量、ファイルの有無を確認してください）。</translation>
    </message>
    <message>
        <source>Techo could not get the records from the service: the connection, its certificate (check the CA file) or the service&apos;s answer failed. Nothing was changed.</source>
        <translation>サービスから記録を取得できませんでした。接続、証明書（CA ファイルを確認してください）、またはサービスの応答に問題があります。何も変更されていません。</translation>
    </message>
    <message>
        <source>The data received is not in the expected form. Nothing was changed.</source>
        <translation>受け取ったデータが想定した形式ではありません。何も変更されていません。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>中止しました。何も変更されていません。</translation>
    </message>
    <message>
        <source>Techo was asked for something it cannot do with this input.</source>
        <translation>この入力では実行できない操作です。</translation>
    </message>
    <message>
        <source>An unexpected error occurred in Techo.</source>
        <translation>Techo で予期しないエラーが発生しました。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The passphrase contains characters that cannot be used.</source>
        <translation>パスフレーズに使用できない文字が含まれています。</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it and try again.</source>
        <translation>保管庫はロックされています。ロックを解除してからもう一度お試しください。</translation>
    </message>
    <message>
        <source>This checkup item is not known to Techo.</source>
        <translation>この健診項目は Techo に登録されていません。</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was changed.</source>
        <translation>取り込みを中止しました。何も変更されていません。</translation>
    </message>
    <message>
        <source>Person %1 is stored as %2 (%3, born %4), but the new records say %5 (%6, born %7). Nothing was imported.</source>
        <translation>個人 %1 は %2（%3、%4 生まれ）として保存されていますが、新しい記録では %5（%6、%7 生まれ）となっています。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The service gave access to no person&apos;s records. Nothing was imported.</source>
        <translation>サービスから誰の記録へのアクセスも許可されませんでした。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The service sent another person&apos;s records than the ones asked for. Nothing was imported.</source>
        <translation>サービスが要求と異なる人の記録を送ってきました。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>ファイル %1 を読み込めません。</translation>
    </message>
    <message>
        <source>The data received is not in the expected form at %1: %2 Nothing was imported.</source>
        <translation>受け取ったデータの %1 が想定した形式ではありません：%2 何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The service refused the request (code %1). Nothing was imported.</source>
        <translation>サービスが要求を受け付けませんでした（コード %1）。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The service sent another part of the records than the one asked for. Nothing was imported.</source>
        <translation>サービスが要求と異なる分割データを送ってきました。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The service announced more parts than Techo accepts. Nothing was imported.</source>
        <translation>サービスが Techo の受け付ける上限を超える分割数を通知しました。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The service changed the number of parts while sending. Nothing was imported.</source>
        <translation>サービスが送信の途中で分割数を変更しました。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>Access was declined in the browser. Nothing was imported.</source>
        <translation>ブラウザでアクセスが拒否されました。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The certificate of the My Number Card has expired. Renew it at your municipal office, then try again.</source>
        <translation>マイナンバーカードの電子証明書の有効期限が切れています。お住まいの市区町村の窓口で更新してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Techo&apos;s access to your health data has ended. Authorize Techo again, then import.</source>
        <translation>Techo による健康データへのアクセス期間が終了しました。もう一度 Techo を許可してから取り込んでください。</translation>
    </message>
    <message>
        <source>The authorization in the browser was not completed in time. Try again.</source>
        <translation>ブラウザでの認証が時間内に完了しませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>%1 がありません。</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 は文字列である必要があります。</translation>
    </message>
    <message>
        <source>%1 is not a number.</source>
        <translation>%1 が数値ではありません。</translation>
    </message>
    <message>
        <source>%1 is not a whole number.</source>
        <translation>%1 が整数ではありません。</translation>
    </message>
    <message>
        <source>%1 must be greater than zero.</source>
        <translation>%1 は 0 より大きい必要があります。</translation>
    </message>
    <message>
        <source>%1 is out of range.</source>
        <translation>%1 が範囲外です。</translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation>%1 は true か false である必要があります。</translation>
    </message>
    <message>
        <source>%1 must be a list.</source>
        <translation>%1 はリストである必要があります。</translation>
    </message>
    <message>
        <source>%1 must be a group of fields.</source>
        <translation>%1 は項目のまとまり（オブジェクト）である必要があります。</translation>
    </message>
    <message>
        <source>%1 is not a date in a known form.</source>
        <translation>%1 が既知の日付形式ではありません。</translation>
    </message>
    <message>
        <source>%1 is not a real calendar date.</source>
        <translation>%1 が実在しない日付です。</translation>
    </message>
    <message>
        <source>%1 is in the future.</source>
        <translation>%1 が未来の日付です。</translation>
    </message>
    <message>
        <source>%1 is before the person&apos;s date of birth.</source>
        <translation>%1 が生年月日より前です。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 が空です。</translation>
    </message>
    <message>
        <source>%1 is not a 17-character checkup item code.</source>
        <translation>%1 が 17 桁の健診項目コードではありません。</translation>
    </message>
    <message>
        <source>%1 is a checkup item code Techo does not know.</source>
        <translation>%1 は Techo が知らない健診項目コードです。</translation>
    </message>
    <message>
        <source>%1 must be PQ, CD, CO or ST.</source>
        <translation>%1 は PQ、CD、CO、ST のいずれかである必要があります。</translation>
    </message>
    <message>
        <source>%1 does not match the kind of value this item has.</source>
        <translation>%1 がこの項目の値の種類と一致しません。</translation>
    </message>
    <message>
        <source>%1 is not a unit this item can have.</source>
        <translation>%1 はこの項目で使える単位ではありません。</translation>
    </message>
    <message>
        <source>%1 is outside the possible range for this item.</source>
        <translation>%1 がこの項目としてあり得ない値です。</translation>
    </message>
    <message>
        <source>%1 names a code system this item does not use.</source>
        <translation>%1 がこの項目で使わないコード体系を示しています。</translation>
    </message>
    <message>
        <source>%1 is not a code of this item&apos;s code system.</source>
        <translation>%1 がこの項目のコード体系にないコードです。</translation>
    </message>
    <message>
        <source>%1 must be H or L.</source>
        <translation>%1 は H か L である必要があります。</translation>
    </message>
    <message>
        <source>%1 repeats an item of this checkup.</source>
        <translation>%1 がこの健診の項目と重複しています。</translation>
    </message>
    <message>
        <source>%1 repeats a line of this dispensing.</source>
        <translation>%1 がこの調剤の行と重複しています。</translation>
    </message>
    <message>
        <source>%1 is not a unit a medicine is dispensed in.</source>
        <translation>%1 は薬の調剤単位ではありません。</translation>
    </message>
    <message>
        <source>%1 is not a 12-character YJ code.</source>
        <translation>%1 が 12 桁の YJ コードではありません。</translation>
    </message>
    <message>
        <source>%1 is not a 9-digit receipt drug code.</source>
        <translation>%1 が 9 桁のレセプト電算処理用医薬品コードではありません。</translation>
    </message>
    <message>
        <source>The dispensing institution is missing (%1).</source>
        <translation>調剤した医療機関・薬局がありません（%1）。</translation>
    </message>
    <message>
        <source>%1 is not a known vaccine code system.</source>
        <translation>%1 が既知のワクチンのコード体系ではありません。</translation>
    </message>
    <message>
        <source>%1 is not TKK, YZK or PMH_VAC.</source>
        <translation>%1 が TKK、YZK、PMH_VAC のいずれでもありません。</translation>
    </message>
    <message>
        <source>%1 is not the kind of records that was asked for.</source>
        <translation>%1 が要求した記録の種類ではありません。</translation>
    </message>
    <message>
        <source>%1 is larger than the number of parts.</source>
        <translation>%1 が分割数より大きくなっています。</translation>
    </message>
    <message>
        <source>Two copies of this record give different values; neither was taken.</source>
        <translation>同じ記録の 2 つの写しで値が異なるため、どちらも取り込みませんでした。</translation>
    </message>
    <message>
        <source>%1 was refused (%2).</source>
        <translation>%1 を受け付けませんでした（%2）。</translation>
    </message>
    <message>
        <source>Checkup</source>
        <translation>健診</translation>
    </message>
    <message>
        <source>Checkup result</source>
        <translation>健診結果</translation>
    </message>
    <message>
        <source>Checkup result %1</source>
        <translation>健診結果 %1</translation>
    </message>
    <message>
        <source>Dispensing</source>
        <translation>調剤</translation>
    </message>
    <message>
        <source>Medicine line</source>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>Medicine line %1</source>
        <translation>薬剤 %1</translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation>予防接種</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>This file is not a Techo export (it is not JSON). Nothing was imported.</source>
        <translation>このファイルは Techo の書き出しファイルではありません（JSON ではありません）。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>This Techo export cannot be imported: %1 is not as expected. Nothing was imported.</source>
        <translation>この Techo の書き出しファイルは取り込めません：%1 が想定と異なります。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>This export was written by a newer version of Techo (format %1). Please update Techo.</source>
        <translation>このファイルは新しいバージョンの Techo で書き出されています（形式 %1）。Techo を更新してください。</translation>
    </message>
    <message>
        <source>This person is no longer in the vault.</source>
        <translation>この人は保管庫にもういません。</translation>
    </message>
    <message>
        <source>The start of the period is after its end.</source>
        <translation>期間の開始日が終了日より後になっています。</translation>
    </message>
    <message>
        <source>This is not a file or folder name.</source>
        <translation>ファイル名またはフォルダー名として使えません。</translation>
    </message>
    <message>
        <source>%1 already exists. An export never replaces a file.</source>
        <translation>%1 はすでにあります。書き出しでファイルを置き換えることはありません。</translation>
    </message>
    <message>
        <source>A record holds text that is not valid Unicode; it cannot be exported.</source>
        <translation>記録に正しくない文字（Unicode として不正）が含まれているため、書き出せません。</translation>
    </message>
    <message>
        <source>The data is not valid JSON (it may have been cut off). Nothing was imported.</source>
        <translation>データが正しいJSONではありません（途中で切れている可能性があります）。何も取り込まれていません。</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written.</source>
        <translation>書き出しを中止しました。何も書き出していません。</translation>
    </message>
    <message>
        <source>The summary&apos;s QR code cannot hold even the person and the dates.</source>
        <translation>サマリーの QR コードには、本人と日付の情報さえ収まりません。</translation>
    </message>
    <message>
        <source>The zip file could not be written (permissions or a full disk). Nothing was written.</source>
        <translation>zip ファイルを書き込めませんでした（権限またはディスクの空き容量）。何も書き出していません。</translation>
    </message>
    <message>
        <source>Only the CSV export can be saved as one zip file.</source>
        <translation>1 つの zip ファイルに保存できるのは CSV の書き出しだけです。</translation>
    </message>
    <message>
        <source>A summary for a doctor is about one person: choose whose records it shows.</source>
        <translation>医師提出用サマリーは1人分です。どなたの記録のサマリーかを選んでください。</translation>
    </message>
    <message>
        <source>The vault holds no records of a person yet: there is nothing to summarise.</source>
        <translation>まだ記録のある人がいないため、サマリーを作成できません。</translation>
    </message>
    <message>
        <source>Between 1 and 5 checkups can be shown side by side.</source>
        <translation>並べて表示できる健診は1〜5回分です。</translation>
    </message>
    <message>
        <source>This program cannot make PDF files (it was built without the desktop app).</source>
        <translation>このプログラムではPDFを作成できません（デスクトップアプリなしでビルドされています）。</translation>
    </message>
    <message>
        <source>The Japanese font for the PDF (Noto Sans CJK JP, package fonts-noto-cjk) is not installed.</source>
        <translation>PDF用の日本語フォント（Noto Sans CJK JP、パッケージ fonts-noto-cjk）がインストールされていません。</translation>
    </message>
    <message>
        <source>%1 is a FHIR file. Techo imports its own JSON export and Mynaportal-style responses, not FHIR. Nothing was imported.</source>
        <translation>%1 は FHIR のファイルです。Techo が取り込めるのは、Techo 自身の JSON エクスポートとマイナポータル形式の応答ファイルで、FHIR は取り込めません。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>%1 is a CSV file. Techo cannot import CSV: import its JSON export or a Mynaportal-style response instead. Nothing was imported.</source>
        <translation>%1 は CSV ファイルです。Techo は CSV を取り込めません。代わりに Techo の JSON エクスポートかマイナポータル形式の応答ファイルを取り込んでください。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>%1 is a folder of a Techo CSV export. Techo cannot import CSV: import its JSON export instead. Nothing was imported.</source>
        <translation>%1 は Techo の CSV エクスポートのフォルダです。Techo は CSV を取り込めません。代わりに JSON エクスポートを取り込んでください。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>%1 is a folder. Choose one file: a Techo JSON export or a Mynaportal-style response. Nothing was imported.</source>
        <translation>%1 はフォルダです。Techo の JSON エクスポートかマイナポータル形式の応答ファイルを 1 つ選んでください。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>%1 is a zip archive (a CSV export can be one). Techo imports its own JSON export and Mynaportal-style responses, not zip or CSV. Nothing was imported.</source>
        <translation>%1 は zip ファイルです（CSV エクスポートを zip にしたものなど）。Techo が取り込めるのは、Techo 自身の JSON エクスポートとマイナポータル形式の応答ファイルで、zip や CSV は取り込めません。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The file name %1 is too long for this disk (%2 bytes; at most %3). Choose a shorter name.</source>
        <translation>ファイル名「%1」はこのディスクには長すぎます（%2 バイト、上限 %3 バイト）。短い名前にしてください。</translation>
    </message>
    <message>
        <source>The summary would be empty: this person has no records of the chosen parts in this period. Choose other parts or a longer period.</source>
        <translation>サマリーに載せる内容がありません：この期間に、選んだ項目の記録がありません。別の項目を選ぶか、期間を広げてください。</translation>
    </message>
</context>
<context>
    <name>techo::ui::ExportCountsModel</name>
    <message>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation>健診</translation>
    </message>
    <message>
        <source>Checkup results (items)</source>
        <translation>健診結果（項目）</translation>
    </message>
    <message>
        <source>Dispensings</source>
        <translation>調剤</translation>
    </message>
    <message>
        <source>Medicine lines</source>
        <translation>薬剤（処方明細）</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>予防接種</translation>
    </message>
    <message>
        <source>Self-recorded measurements</source>
        <translation>自己記録の測定値</translation>
    </message>
    <message>
        <source>Medical institutions and pharmacies</source>
        <translation>医療機関・薬局</translation>
    </message>
    <message>
        <source>Imports (provenance)</source>
        <translation>取り込み履歴（出典）</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>記録の種類</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Patient (the person)</source>
        <translation>Patient（本人）</translation>
    </message>
    <message>
        <source>Observation (checkup results)</source>
        <translation>Observation（健診の検査結果）</translation>
    </message>
    <message>
        <source>Immunization (vaccinations)</source>
        <translation>Immunization（予防接種）</translation>
    </message>
    <message>
        <source>MedicationDispense (medicines dispensed, one per line)</source>
        <translation>MedicationDispense（調剤された薬剤、1行に1件）</translation>
    </message>
    <message>
        <source>MedicationRequest (e-prescriptions, one per line)</source>
        <translation>MedicationRequest（電子処方箋の処方、1行に1件）</translation>
    </message>
    <message>
        <source>Organization (institutions, pharmacies, sources)</source>
        <translation>Organization（医療機関・薬局・取得元）</translation>
    </message>
    <message>
        <source>Provenance (where the records came from)</source>
        <translation>Provenance（記録の出典）</translation>
    </message>
    <message>
        <source>Dispensings written as no resource</source>
        <translation>リソースにしなかった調剤</translation>
    </message>
    <message>
        <source>Checkups side by side</source>
        <translation>並べて表示した健診</translation>
    </message>
    <message>
        <source>Checkup items (rows)</source>
        <translation>健診項目（行数）</translation>
    </message>
    <message>
        <source>Trend charts</source>
        <translation>経年変化のグラフ</translation>
    </message>
    <message>
        <source>Current medicines</source>
        <translation>現在の服薬</translation>
    </message>
    <message>
        <source>Recent dispensings (medicine lines)</source>
        <translation>直近の調剤（薬剤の行数）</translation>
    </message>
    <message>
        <source>Possible duplicate medicines</source>
        <translation>重複投薬の可能性</translation>
    </message>
    <message>
        <source>Vaccination history (rows)</source>
        <translation>予防接種歴（行数）</translation>
    </message>
    <message>
        <source>FHIR resource</source>
        <translation>FHIR リソース</translation>
    </message>
    <message>
        <source>In the summary</source>
        <translation>サマリーの内容</translation>
    </message>
</context>
<context>
    <name>techo::ui::ExportDialog</name>
    <message>
        <source>Export records</source>
        <translation>記録の書き出し</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>&amp;PDF for your doctor</source>
        <translation>医師提出用 PDF サマリー(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;JSON — everything, can be imported again</source>
        <translation>JSON — すべての記録、再取り込み可能(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;CSV — for spreadsheets (Excel)</source>
        <translation>CSV — 表計算ソフト（Excel）用(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;FHIR R4 (JP Core) — for medical systems</source>
        <translation>FHIR R4（JP Core）— 医療情報システム用(&amp;F)</translation>
    </message>
    <message>
        <source>CSV as a folder or a zip file</source>
        <translation>CSV をフォルダーまたは zip ファイルに保存</translation>
    </message>
    <message>
        <source>a folder of files</source>
        <translation>フォルダー（ファイル別）</translation>
    </message>
    <message>
        <source>one .zip file</source>
        <translation>1 つの .zip ファイル</translation>
    </message>
    <message>
        <source>CSV column names</source>
        <translation>CSV の列名</translation>
    </message>
    <message>
        <source>English column names</source>
        <translation>列名を英語で</translation>
    </message>
    <message>
        <source>Japanese column names</source>
        <translation>列名を日本語で</translation>
    </message>
    <message>
        <source>&amp;Save as</source>
        <translation>保存形式(&amp;S)</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>対象者</translation>
    </message>
    <message>
        <source>Pers&amp;on:</source>
        <translation>対象者(&amp;O)：</translation>
    </message>
    <message>
        <source>Only records &amp;dated from</source>
        <translation>次の期間の記録のみ(&amp;D)：</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <source>Kinds of record</source>
        <translation>記録の種類</translation>
    </message>
    <message>
        <source>C&amp;heckups</source>
        <translation>健診(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Medicines (dispensings)</source>
        <translation>お薬（調剤）(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Vaccinations</source>
        <translation>予防接種(&amp;V)</translation>
    </message>
    <message>
        <source>Self-&amp;recorded measurements</source>
        <translation>自己記録の測定値(&amp;R)</translation>
    </message>
    <message>
        <source>Sections of the summary</source>
        <translation>サマリーに含める項目</translation>
    </message>
    <message>
        <source>&amp;Latest checkups side by side, up to</source>
        <translation>最近の健診結果の比較(&amp;L)&#x3000;最大</translation>
    </message>
    <message>
        <source>Number of checkups side by side</source>
        <translation>並べて表示する健診の回数</translation>
    </message>
    <message>
        <source>&amp;Trend charts of the key items</source>
        <translation>主要項目の経過グラフ(&amp;T)</translation>
    </message>
    <message>
        <source>Current &amp;medicines and recent dispensings</source>
        <translation>服用中のお薬と最近の調剤(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Vaccination history</source>
        <translation>予防接種歴(&amp;V)</translation>
    </message>
    <message>
        <source>What will be written</source>
        <translation>書き出す内容</translation>
    </message>
    <message>
        <source>Records to be exported, by kind</source>
        <translation>書き出す記録の種類別件数</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存先</translation>
    </message>
    <message>
        <source>Where the export is saved</source>
        <translation>書き出しの保存先</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose where the export is saved</source>
        <translation>書き出しの保存先を選ぶ</translation>
    </message>
    <message>
        <source>An export never replaces a file. It is recorded in the vault&apos;s audit log (what, when, how many; never the data).</source>
        <translation>既存のファイルを上書きすることはありません。書き出しは保管庫の監査ログに記録されます（内容・日時・件数のみで、データそのものは記録しません）。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>書き出す(&amp;X)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>書き出しの進み具合</translation>
    </message>
    <message>
        <source>The export is written to a hidden file beside the destination and put in place only when it is complete. Cancel at any time leaves nothing behind. You can keep using Techo meanwhile.</source>
        <translation>書き出しは保存先の隣の隠しファイルに書き込まれ、完成してから保存先に置かれます。いつ中止しても何も残りません。その間も Techo を使い続けられます。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Stops the export; nothing is written (Esc)</source>
        <translation>書き出しを中止します。何も書き出されません（Esc）</translation>
    </message>
    <message>
        <source>Records exported, by kind</source>
        <translation>書き出した記録の種類別件数</translation>
    </message>
    <message>
        <source>&amp;Show in folder</source>
        <translation>フォルダーを開く(&amp;S)</translation>
    </message>
    <message>
        <source>Opens the folder that holds the export in the file manager</source>
        <translation>書き出したファイルのあるフォルダーをファイルマネージャーで開きます</translation>
    </message>
    <message>
        <source>Export &amp;more…</source>
        <translation>さらに書き出す(&amp;M)…</translation>
    </message>
    <message>
        <source>Everyone in the vault</source>
        <translation>保管庫の全員</translation>
    </message>
    <message>
        <source>A summary of the chosen sections on A4 pages, in Japanese</source>
        <translation>選んだ項目を A4 用紙にまとめた日本語のサマリー</translation>
    </message>
    <message>
        <source>The PDF summary is not available in this version of Techo.</source>
        <translation>このバージョンの Techo では PDF サマリーを作成できません。</translation>
    </message>
    <message numerus="yes">
        <source>A summary a doctor can read in a minute: the latest %n checkup(s) side by side, with the judgement marks and reference values; the counts are the records it draws on.</source>
        <translation>
            <numerusform>医師が 1 分で読めるサマリーです。最近の健診 %n 回分を判定マークと基準値つきで並べます。件数はサマリーのもとになる記録の数です。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every chosen record with where it came from. Techo can import this file again.</source>
        <translation>選んだすべての記録を出典とともに書き出します。このファイルは Techo に再び取り込めます。</translation>
    </message>
    <message>
        <source>One file per kind of record (checkups one row per result), UTF-8 that Excel opens as it is.</source>
        <translation>記録の種類ごとに 1 ファイル（健診は結果 1 件につき 1 行）。Excel でそのまま開ける UTF-8 です。</translation>
    </message>
    <message>
        <source>One FHIR R4 Bundle with JP Core profiles, for systems that read FHIR.</source>
        <translation>JP Core プロファイルに沿った FHIR R4 の Bundle 1 つ。FHIR に対応したシステム向けです。</translation>
    </message>
    <message>
        <source>Choose at least one kind of record.</source>
        <translation>記録の種類を 1 つ以上選んでください。</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Zip (*.zip)</source>
        <translation>Zip (*.zip)</translation>
    </message>
    <message>
        <source>Name of the new folder</source>
        <translation>新しいフォルダーの名前</translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation>書き出しの保存先</translation>
    </message>
    <message>
        <source>Choose where to save the export (a full path).</source>
        <translation>書き出しの保存先を選んでください（フルパス）。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>フォルダー %1 がありません。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>書き出しています…</translation>
    </message>
    <message>
        <source>Writing checkups…</source>
        <translation>健診を書き出しています…</translation>
    </message>
    <message>
        <source>Writing dispensings…</source>
        <translation>調剤を書き出しています…</translation>
    </message>
    <message>
        <source>Writing vaccinations…</source>
        <translation>予防接種を書き出しています…</translation>
    </message>
    <message>
        <source>Laying out the PDF…</source>
        <translation>PDF をレイアウトしています…</translation>
    </message>
    <message>
        <source>Saving the file…</source>
        <translation>ファイルを保存しています…</translation>
    </message>
    <message>
        <source>%1 of %2 records</source>
        <translation>%2 件中 %1 件</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Export finished.</source>
        <translation>書き出しが完了しました。</translation>
    </message>
    <message>
        <source>Saved to %1 (%2)</source>
        <translation>保存先：%1（%2）</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256：%1</translation>
    </message>
    <message>
        <source>The export is recorded in the vault&apos;s audit log. The file holds health data: keep it as safe as the vault, and delete it when it is no longer needed.</source>
        <translation>この書き出しは保管庫の監査ログに記録されました。ファイルには健康情報が含まれます。保管庫と同じように大切に扱い、不要になったら削除してください。</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written.</source>
        <translation>書き出しを中止しました。何も書き出していません。</translation>
    </message>
    <message>
        <source>The export did not complete. Nothing was written.</source>
        <translation>書き出しを完了できませんでした。何も書き出していません。</translation>
    </message>
    <message>
        <source>Records being exported, by kind</source>
        <translation>書き出し中の記録の種類別件数</translation>
    </message>
    <message>
        <source>Saving to %1</source>
        <translation>保存先：%1</translation>
    </message>
    <message>
        <source>&amp;QR code of the key values on the last page</source>
        <translation>最終ページに主な値のQRコード(&amp;Q)</translation>
    </message>
    <message>
        <source>QR code of the key values</source>
        <translation>主な値のQRコード</translation>
    </message>
    <message>
        <source>A clinic can read the summary&apos;s key values from it without retyping them. It is not signed.</source>
        <translation>医療機関で主な値を入力し直さずに読み取れます。電子署名はありません。</translation>
    </message>
    <message>
        <source>Starts the export (Return)</source>
        <translation>書き出しを始めます（Enter）</translation>
    </message>
    <message>
        <source>What will be read</source>
        <translation>読み込む記録</translation>
    </message>
    <message>
        <source>Records (to be read)</source>
        <translation>記録（読み込む件数）</translation>
    </message>
    <message>
        <source>No file manager could be opened. The export is in this folder:
%1</source>
        <translation>ファイルマネージャーを開けませんでした。書き出したファイルはこのフォルダーにあります：
%1</translation>
    </message>
    <message>
        <source>FHIR resources written to the Bundle:</source>
        <translation>Bundle に書き出した FHIR リソース：</translation>
    </message>
    <message>
        <source>What the summary shows:</source>
        <translation>サマリーに載せた内容：</translation>
    </message>
    <message>
        <source>Records written, by kind:</source>
        <translation>書き出した記録（種類別）：</translation>
    </message>
    <message>
        <source>A record can become several resources, or none: each medicine line of a dispensing is one MedicationDispense, each line of an e-prescription (処方) one MedicationRequest; a claims dispensing superseded by the e-prescription dispensing of the same visit, and a dispensing without medicine lines, are written as no resource. Organizations include the sources of the records.</source>
        <translation>1件の記録が複数のリソースになることも、リソースにならないこともあります。調剤の薬剤1行ごとに MedicationDispense が1件、電子処方箋の処方の1行ごとに MedicationRequest が1件になります。同じ受診の電子処方箋の調剤に置き換えられたレセプト由来の調剤と、薬剤の行がない調剤はリソースになりません。Organization には記録の取得元も含まれます。</translation>
    </message>
</context>
<context>
    <name>techo::ui::ImportDialog</name>
    <message>
        <source>Import records</source>
        <translation>記録の取り込み</translation>
    </message>
    <message>
        <source>Where should the records come from?</source>
        <translation>どこから記録を取り込みますか？</translation>
    </message>
    <message>
        <source>&amp;Demo records from the built-in sandbox</source>
        <translation>内蔵のサンドボックスのデモ記録(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;My health records service (API)</source>
        <translation>自分の健康記録サービス（API）(&amp;M)</translation>
    </message>
    <message>
        <source>A &amp;saved result file</source>
        <translation>保存した結果ファイル(&amp;S)</translation>
    </message>
    <message>
        <source>Techo starts a local test server with an invented family on this computer. Nothing is sent anywhere.</source>
        <translation>Techo がこのコンピューター上で架空の家族のテスト用サーバーを起動します。どこにも何も送信しません。</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API のアドレス</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>アドレス(&amp;A)：</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA ファイル</translation>
    </message>
    <message>
        <source>the system&apos;s certificates</source>
        <translation>システムの証明書</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>CA ファイル(&amp;C)：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>CA ファイルを選ぶ</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>証明書 (*.pem *.crt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>You log in and consent in your web browser; the browser then returns to Techo.</source>
        <translation>Web ブラウザでログインして同意します。その後、ブラウザから Techo に戻ります。</translation>
    </message>
    <message>
        <source>Result file</source>
        <translation>結果ファイル</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F)：</translation>
    </message>
    <message>
        <source>Choose the result file</source>
        <translation>結果ファイルを選ぶ</translation>
    </message>
    <message>
        <source>API results (*.json);;All files (*)</source>
        <translation>API の結果 (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Only records &amp;dated from</source>
        <translation>次の期間の記録のみ(&amp;T)：</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <source>Without a period, everything the source holds is imported. Records already in the vault are recognised and not added twice.</source>
        <translation>期間を指定しないと、取り込み元にあるすべての記録を取り込みます。保管庫にすでにある記録は識別され、二重には追加されません。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>取り込む(&amp;I)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>取り込みの進み具合</translation>
    </message>
    <message>
        <source>Progress per person and kind of record</source>
        <translation>人と記録の種類ごとの進み具合</translation>
    </message>
    <message>
        <source>The vault is not changed until the records have been received; then they are written all at once. Cancel at any time leaves the vault as it was.</source>
        <translation>記録をすべて受信するまで保管庫は変更されません。その後、まとめて一度に書き込みます。いつ中止しても保管庫は元のままです。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Stops the import; the vault stays as it was (Esc)</source>
        <translation>取り込みを中止します。保管庫は元のままです（Esc）</translation>
    </message>
    <message>
        <source>Imported records per kind</source>
        <translation>種類ごとの取り込み件数</translation>
    </message>
    <message>
        <source>Rejected records and values</source>
        <translation>取り込まなかった記録と値</translation>
    </message>
    <message>
        <source>Import &amp;more…</source>
        <translation>さらに取り込む(&amp;M)…</translation>
    </message>
    <message>
        <source>Enter the address of your health records service.</source>
        <translation>健康記録サービスのアドレスを入力してください。</translation>
    </message>
    <message>
        <source>Choose a saved result file.</source>
        <translation>保存した結果ファイルを選んでください。</translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation>デモ用サーバーを起動しています…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続しています…</translation>
    </message>
    <message>
        <source>If your browser did not open, open this address: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation>ブラウザが開かない場合は、次のアドレスを開いてください：&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</translation>
    </message>
    <message>
        <source>log in and consent</source>
        <translation>ログインして同意する</translation>
    </message>
    <message>
        <source>Log in and consent in your web browser; Techo waits for it…</source>
        <translation>Web ブラウザでログインして同意してください。Techo は完了を待っています…</translation>
    </message>
    <message>
        <source>Connecting and authorizing…</source>
        <translation>接続して認証しています…</translation>
    </message>
    <message>
        <source>Receiving records… You can keep using Techo meanwhile.</source>
        <translation>記録を受信しています… この間も Techo を使えます。</translation>
    </message>
    <message>
        <source>Writing the import into the vault…</source>
        <translation>取り込んだ記録を保管庫に書き込んでいます…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Waiting for your decision about a person…</source>
        <translation>人の扱いについての判断を待っています…</translation>
    </message>
    <message>
        <source>Import finished. Nothing new: the vault already held these records.</source>
        <translation>取り込みが完了しました。新しい記録はありません（すべて保管庫にありました）。</translation>
    </message>
    <message>
        <source>Import finished. The new records are in your vault.</source>
        <translation>取り込みが完了しました。新しい記録を保管庫に保存しました。</translation>
    </message>
    <message>
        <source>Nothing was rejected.</source>
        <translation>取り込まなかった記録はありません。</translation>
    </message>
    <message>
        <source>Records and values rejected and not imported: %1</source>
        <translation>取り込まなかった記録と値：%1 件</translation>
    </message>
    <message>
        <source>%1 (person ID %2) was kept apart in a profile of their own.</source>
        <translation>%1（個人 ID %2）は別の人として新しいプロフィールに分けました。</translation>
    </message>
    <message>
        <source>The records of %1 (person ID %2) were left out.</source>
        <translation>%1（個人 ID %2）の記録は取り込みませんでした。</translation>
    </message>
    <message>
        <source>Records of skipped persons left out: %1</source>
        <translation>除外した人の記録 %1 件は取り込みませんでした。</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was changed.</source>
        <translation>取り込みを中止しました。何も変更されていません。</translation>
    </message>
    <message>
        <source>The import did not complete. Nothing was changed.</source>
        <translation>取り込みは完了しませんでした。何も変更されていません。</translation>
    </message>
    <message>
        <source>Import finished. The new records are in your vault; %1 records or values were rejected — see the list below.</source>
        <translation>取り込みが完了し、新しい記録を保管庫に追加しました。ただし %1 件の記録・値は取り込めませんでした（下の一覧をご覧ください）。</translation>
    </message>
    <message>
        <source>Nothing was added: %1 records or values were rejected — see the list below.</source>
        <translation>何も追加されませんでした：%1 件の記録・値を取り込めませんでした（下の一覧をご覧ください）。</translation>
    </message>
    <message>
        <source>Import finished. The source held no records.</source>
        <translation>取り込みが完了しました。取り込み元に記録はありませんでした。</translation>
    </message>
</context>
<context>
    <name>techo::ui::ImportProgressModel</name>
    <message>
        <source>%1 written</source>
        <translation>%1 件 書き込み済み</translation>
    </message>
    <message>
        <source>received</source>
        <translation>受信済み</translation>
    </message>
    <message>
        <source>part %1 of %2</source>
        <translation>%2 分割中 %1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Person %1</source>
        <translation>%1 人目</translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation>健診</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>予防接種</translation>
    </message>
</context>
<context>
    <name>techo::ui::ImportRejectionModel</name>
    <message>
        <source>The value already in the vault was kept.</source>
        <translation>保管庫にある値をそのまま残しました。</translation>
    </message>
    <message>
        <source>What</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Where in the data</source>
        <translation>データ内の位置</translation>
    </message>
    <message>
        <source>%1 (item code %2)</source>
        <translation>%1（項目コード %2）</translation>
    </message>
</context>
<context>
    <name>techo::ui::ImportReportModel</name>
    <message>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>取り込まず</translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation>健診</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>予防接種</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
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
        <source>Latest checkup results</source>
        <translation>最新の健診結果</translation>
    </message>
    <message>
        <source>No one&apos;s records are in this vault yet. Import them first (File ▸ Import…).</source>
        <translation>この保管庫にはまだ誰の記録もありません。先に取り込んでください（ファイル ▸ 取り込み…）。</translation>
    </message>
    <message>
        <source>No checkups yet for %1. Checkup results appear here after an import (File ▸ Import…) once the insurer has sent them to Mynaportal.</source>
        <translation>%1 さんの健診結果はまだありません。保険者がマイナポータルに登録した後、取り込み（ファイル ▸ 取り込み…）をするとここに表示されます。</translation>
    </message>
    <message>
        <source>Checkup of %1 — previous: %2</source>
        <translation>健診日：%1&#x3000;前回：%2</translation>
    </message>
    <message>
        <source>Checkup of %1 — the first one</source>
        <translation>健診日：%1&#x3000;初回の健診</translation>
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
        <source>Unlock…</source>
        <translation>ロック解除…</translation>
    </message>
    <message>
        <source>Vault: %1</source>
        <translation>保管庫: %1</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without input.</source>
        <translation>
            <numerusform>操作がないまま %n 分たったため、保管庫をロックしました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked because the desktop session was locked.</source>
        <translation>デスクトップのロックに合わせて保管庫をロックしました。</translation>
    </message>
    <message>
        <source>Vault created.</source>
        <translation>保管庫を作成しました。</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>No records yet. Import them with File ▸ Import (Ctrl+I).</source>
        <translation>まだ記録がありません。「ファイル ▸ 取り込み」（Ctrl+I）で取り込んでください。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>取り込み(&amp;I)…</translation>
    </message>
    <message>
        <source>Import records (Ctrl+I)</source>
        <translation>記録を取り込む（Ctrl+I）</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Lock the vault (Ctrl+L)</source>
        <translation>保管庫をロックする（Ctrl+L）</translation>
    </message>
    <message>
        <source>&amp;Rename profile locally…</source>
        <translation>表示名を変更(&amp;R)…</translation>
    </message>
    <message>
        <source>The name Techo shows for this person; imports never change it (F2)</source>
        <translation>Techo でこの人に表示する名前。取り込みで変わることはありません（F2）</translation>
    </message>
    <message>
        <source>V&amp;iew</source>
        <translation>表示(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Techo</source>
        <translation>Techo について(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>表示する人(&amp;P):</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>表示名の変更</translation>
    </message>
    <message>
        <source>The name Techo shows for this person (imports never change it; leave empty for the name from the source):</source>
        <translation>Techo でこの人に表示する名前（取り込みで変わることはありません。空欄にすると取り込み元の氏名に戻ります）:</translation>
    </message>
    <message>
        <source>Profile renamed.</source>
        <translation>表示名を変更しました。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Next field or control</source>
        <translation>次の入力欄・ボタンへ</translation>
    </message>
    <message>
        <source>Choose the profile</source>
        <translation>表示する人を選ぶ</translation>
    </message>
    <message>
        <source>Alt+P, then the arrow keys</source>
        <translation>Alt+P のあと矢印キー</translation>
    </message>
    <message>
        <source>About Techo</source>
        <translation>Techo について</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Techo (健康手帳)&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;A personal health record for people in Japan: your own and your family&apos;s checkups, medicines and vaccinations in an encrypted file on this computer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Techo（健康手帳）&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;ご自身とご家族の健診結果・お薬・予防接種を、このコンピューター上の暗号化されたファイルにまとめて保管する、個人のための健康記録（PHR）です。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Your records are hidden while the vault is locked.</source>
        <translation>保管庫がロックされているあいだ、記録は表示されません。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>表示名を変更</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <source>Export records: a PDF for your doctor, JSON, CSV or FHIR (Ctrl+E)</source>
        <translation>記録を書き出す：医師提出用 PDF、JSON、CSV、FHIR（Ctrl+E）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
</context>
<context>
    <name>techo::ui::OverviewView</name>
    <message>
        <source>Records in the vault</source>
        <translation>保管庫の記録</translation>
    </message>
</context>
<context>
    <name>techo::ui::PersonConflictDialog</name>
    <message>
        <source>Male</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Is this the same person?</source>
        <translation>同じ人ですか？</translation>
    </message>
    <message>
        <source>The new records for person ID %1 carry other personal details than the ones in your vault. Techo never changes who a stored person is. Please compare and choose.</source>
        <translation>個人 ID %1 の新しい記録の本人情報が、保管庫にある情報と異なります。Techo は保存済みの人を別の人に書き換えることはありません。見比べて選んでください。</translation>
    </message>
    <message>
        <source>In your vault</source>
        <translation>保管庫の情報</translation>
    </message>
    <message>
        <source>In the new records</source>
        <translation>新しい記録の情報</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>異なる</translation>
    </message>
    <message>
        <source>the same</source>
        <translation>同じ</translation>
    </message>
    <message>
        <source>What should Techo do with the new records?</source>
        <translation>新しい記録をどう扱いますか？</translation>
    </message>
    <message>
        <source>&amp;Keep apart: they belong to someone else — put them in a new profile</source>
        <translation>別の人として分ける：新しいプロフィールに取り込む(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Skip: leave this person&apos;s new records out of this import</source>
        <translation>除外する：この人の新しい記録は今回取り込まない(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Continue the import</source>
        <translation>取り込みを続ける(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取り込みを中止</translation>
    </message>
</context>
<context>
    <name>techo::ui::ProfileSwitcher</name>
    <message>
        <source>Profile</source>
        <translation>表示する人</translation>
    </message>
    <message>
        <source>Whose records the views show</source>
        <translation>どなたの記録を表示するか</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1（ご本人）</translation>
    </message>
    <message>
        <source>%1 (family)</source>
        <translation>%1（ご家族）</translation>
    </message>
    <message>
        <source>Name from the source: %1</source>
        <translation>取り込み元の氏名: %1</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>生年月日: %1</translation>
    </message>
</context>
<context>
    <name>techo::ui::SandboxLauncher</name>
    <message>
        <source>The demo server (techo-sandbox) was not found beside Techo.</source>
        <translation>デモ用サーバー（techo-sandbox）が Techo と同じ場所に見つかりません。</translation>
    </message>
    <message>
        <source>The demo server could not be prepared (no temporary folder).</source>
        <translation>デモ用サーバーを準備できませんでした（一時フォルダーを作れません）。</translation>
    </message>
    <message>
        <source>The demo server could not be started.</source>
        <translation>デモ用サーバーを起動できませんでした。</translation>
    </message>
    <message>
        <source>The demo server did not start in time.</source>
        <translation>デモ用サーバーが時間内に起動しませんでした。</translation>
    </message>
    <message>
        <source>The demo server answered in an unexpected way.</source>
        <translation>デモ用サーバーから想定外の応答がありました。</translation>
    </message>
    <message>
        <source>The demo server stopped while starting.</source>
        <translation>デモ用サーバーが起動中に停止しました。</translation>
    </message>
</context>
<context>
    <name>techo::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>A new language applies the next time Techo starts.</source>
        <translation>言語の変更は、次に Techo を起動したときに反映されます。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>日付(&amp;D)：</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>セキュリティ</translation>
    </message>
    <message>
        <source>Minutes without input before the vault locks itself</source>
        <translation>操作がないときに保管庫を自動でロックするまでの分数</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>しない</translation>
    </message>
    <message>
        <source>The vault locks itself after this many minutes without keyboard or mouse input (0 = never). Ctrl+L locks it at once.</source>
        <translation>キーボードやマウスの操作がこの分数続かないと、保管庫を自動でロックします（0 ＝ ロックしない）。Ctrl+L ですぐにロックできます。</translation>
    </message>
    <message>
        <source>Loc&amp;k after:</source>
        <translation>自動ロック(&amp;K)：</translation>
    </message>
    <message>
        <source>Your Mynaportal API</source>
        <translation>マイナポータル API の接続先</translation>
    </message>
    <message>
        <source>API endpoint</source>
        <translation>API の接続先</translation>
    </message>
    <message>
        <source>Empty: imports use the built-in demo sandbox.</source>
        <translation>空欄のときは、内蔵のデモ用サンドボックスから取り込みます。</translation>
    </message>
    <message>
        <source>API &amp;endpoint:</source>
        <translation>接続先 URL(&amp;E)：</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 証明書ファイル</translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation>システムの認証局を使用</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>CA 証明書ファイルを選ぶ</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA ファイル(&amp;C)：</translation>
    </message>
    <message>
        <source>This is not a web address. Example: https://api.example.jp/</source>
        <translation>URL の形式ではありません。例：https://api.example.jp/</translation>
    </message>
    <message>
        <source>The address must start with https:// (records travel encrypted).</source>
        <translation>https:// で始まる URL を入力してください（記録は暗号化して送受信します）。</translation>
    </message>
    <message>
        <source>There is no file at this path.</source>
        <translation>この場所にファイルがありません。</translation>
    </message>
    <message>
        <source>This is not a file Techo can read.</source>
        <translation>Techo が読み込めるファイルではありません。</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>証明書 (*.pem *.crt *.cer);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Western calendar only (%1)</source>
        <translation>西暦のみ（%1）</translation>
    </message>
    <message>
        <source>With the Japanese era beside it (%1)</source>
        <translation>西暦と和暦を併記（%1）</translation>
    </message>
</context>
<context>
    <name>techo::ui::TrendChartPlot</name>
    <message>
        <source>Trend of %1</source>
        <translation>%1の推移</translation>
    </message>
    <message numerus="yes">
        <source>%n checkup(s)</source>
        <translation>
            <numerusform>健診%n回</numerusform>
        </translation>
    </message>
    <message>
        <source>latest %1: %2, %3</source>
        <translation>最新 %1：%2、%3</translation>
    </message>
    <message>
        <source>Reported as a bound: the value is below the number shown.</source>
        <translation>不等号つきで報告された値です（実際の値はこの数値より下）。</translation>
    </message>
    <message>
        <source>Reported as a bound: the value is above the number shown.</source>
        <translation>不等号つきで報告された値です（実際の値はこの数値より上）。</translation>
    </message>
    <message>
        <source>Reported as JDS %1 %; converted to NGSP (1.02 × JDS + 0.25).</source>
        <translation>JDS値 %1 % で報告された値をNGSP値に換算しています（1.02 × JDS + 0.25）。</translation>
    </message>
    <message>
        <source>The mean of the 1st and 2nd readings of the day.</source>
        <translation>この日の1回目と2回目の測定値の平均です。</translation>
    </message>
    <message>
        <source>Checkup facility: %1</source>
        <translation>健診機関：%1</translation>
    </message>
</context>
<context>
    <name>techo::ui::TrendChartStyle</name>
    <message>
        <source>(no value)</source>
        <translation>（値なし）</translation>
    </message>
    <message>
        <source>Ministry of Health, Labour and Welfare, Standard Programme for Health Checkups and Health Guidance (FY2024 edition), Part 2, Annex 5: guidance and referral values of the checkup items</source>
        <translation>厚生労働省「標準的な健診・保健指導プログラム（令和6年度版）」第2編 別紙5「健診検査項目の保健指導判定値及び受診勧奨判定値」</translation>
    </message>
    <message>
        <source>Ministry of Health, Labour and Welfare, Standard Programme for Health Checkups and Health Guidance (FY2024 edition), Part 2, Chapter 3, stratification step 1 (visceral fat risk)</source>
        <translation>厚生労働省「標準的な健診・保健指導プログラム（令和6年度版）」第2編 第3章「具体的な階層化の方法」ステップ1（内臓脂肪蓄積のリスク判定）</translation>
    </message>
</context>
<context>
    <name>techo::ui::TrendChartView</name>
    <message>
        <source>A value reported as a bound (&quot;&lt;5&quot;): drawn at the bound, open, the arrow pointing to where the value lies</source>
        <translation>不等号つきで報告された値（「&lt;5」など）：その数値の位置に白抜きで描き、矢印が実際の値のある側を指します</translation>
    </message>
    <message>
        <source>Trend chart message</source>
        <translation>推移グラフのお知らせ</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>凡例</translation>
    </message>
    <message>
        <source>How the values are judged</source>
        <translation>判定の基準</translation>
    </message>
    <message>
        <source>This item has no trend chart.</source>
        <translation>この項目の推移グラフはありません。</translation>
    </message>
    <message>
        <source>%1 is not a number: its results are listed in the checkup table.</source>
        <translation>%1は数値の項目ではないため、結果は健診結果の表でご覧ください。</translation>
    </message>
    <message>
        <source>No %1 values for %2 yet.</source>
        <translation>%2 さんの%1の値はまだありません。</translation>
    </message>
    <message>
        <source>Its judgement values differ for men and women and this profile has no sex recorded, so no bands are drawn and the values are not judged.</source>
        <translation>この項目の判定値は男女で異なりますが、このプロフィールには性別が登録されていないため、判定区分の帯は描かず、値も判定していません。</translation>
    </message>
    <message>
        <source>The programme gives no judgement value for this item: no bands are drawn.</source>
        <translation>プログラムにこの項目の判定値はないため、判定区分の帯は描いていません。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a band and its values</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>These are the values for men; they differ for women.</source>
        <translation>男性の判定値です（女性は異なります）。</translation>
    </message>
    <message>
        <source>These are the values for women; they differ for men.</source>
        <translation>女性の判定値です（男性は異なります）。</translation>
    </message>
    <message>
        <source>The programme sets no referral value for this item.</source>
        <translation>この項目には受診勧奨判定値が定められていません。</translation>
    </message>
    <message>
        <source>Latest (%1): %2 — %3</source>
        <translation>最新 %1：%2 — %3</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) reported as JDS (before FY2013) are converted to NGSP: NGSP = 1.02 × JDS + 0.25, rounded to 0.1 % (Japan Diabetes Society, 2012).</source>
        <translation>
            <numerusform>JDS値で報告された%n件（平成24年度以前）はNGSP値に換算しています：NGSP = 1.02 × JDS + 0.25、0.1 %単位に丸め（日本糖尿病学会、2012年）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) are the mean of the day&apos;s 1st and 2nd readings, as the specific health checkup (特定健診) judges blood pressure; other days show the one reading taken.</source>
        <translation>
            <numerusform>%n件は、特定健診の血圧の判定と同じく、その日の1回目と2回目の測定値の平均です。ほかの日は測定した1回の値です。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) not shown: a unit that cannot be compared, or no number.</source>
        <translation>
            <numerusform>%n件の値は表示していません（比較できない単位、または数値なし）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Judged for: a man (the profile&apos;s sex).</source>
        <translation>判定の対象：男性（プロフィールの性別）。</translation>
    </message>
    <message>
        <source>Judged for: a woman (the profile&apos;s sex).</source>
        <translation>判定の対象：女性（プロフィールの性別）。</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>出典：</translation>
    </message>
    <message>
        <source>Keyboard: Tab to a chart, then ← → Home End read its checkups one by one.</source>
        <translation>キーボード：Tab でグラフを選び、← → Home End で各回の健診結果を順に表示します。</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>判定できず</translation>
    </message>
    <message>
        <source>A value of an item with no judgement value</source>
        <translation>判定値が定められていない項目の値</translation>
    </message>
    <message>
        <source>Latest (%1): %2</source>
        <translation>最新 %1：%2</translation>
    </message>
</context>
<context>
    <name>techo::ui::UnlockDialog</name>
    <message>
        <source>Unlock vault</source>
        <translation>保管庫のロック解除</translation>
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
        <source>Unlocking…</source>
        <translation>ロックを解除しています…</translation>
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
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>%1 is a folder, not a vault file. Start Techo with the path of a vault file.</source>
        <translation>%1 はフォルダーで、保管庫のファイルではありません。保管庫のファイルの場所を指定して Techo を起動してください。</translation>
    </message>
    <message>
        <source>Techo may not read the file %1 (its permissions do not allow it).</source>
        <translation>ファイル %1 を読み取る権限がありません（ファイルのアクセス権を確認してください）。</translation>
    </message>
</context>
<context>
    <name>techo::ui::VaccinationsModel</name>
    <message>
        <source>%1 (not given)</source>
        <translation>%1（未接種）</translation>
    </message>
    <message>
        <source>dose %1</source>
        <translation>%1回目</translation>
    </message>
    <message>
        <source>municipality %1</source>
        <translation>市区町村 %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>接種日</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>ワクチン</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>回数</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>接種場所</translation>
    </message>
    <message>
        <source>Given at %1</source>
        <translation>接種場所：%1</translation>
    </message>
    <message>
        <source>Against: %1</source>
        <translation>対象疾病：%1</translation>
    </message>
</context>
<context>
    <name>techo::ui::WelcomePage</name>
    <message>
        <source>Welcome to Techo</source>
        <translation>Techo（健康手帳）へようこそ</translation>
    </message>
    <message>
        <source>Techo keeps your and your family&apos;s checkup results, medicines and vaccinations in one encrypted file on this computer. Nothing leaves it unless you share it.</source>
        <translation>Techo は、ご自身とご家族の健診結果・お薬・予防接種を、このコンピューター上の暗号化された 1 つのファイルに保管します。ご自身で共有しない限り、外に出ることはありません。</translation>
    </message>
    <message>
        <source>Create your vault</source>
        <translation>保管庫を作成する</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新しいパスフレーズ</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>パスフレーズをもう一度</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>もう一度(&amp;R):</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>パスフレーズの強さ</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>強さ:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep your passphrase safe.&lt;/b&gt; If you forget it, nobody can open the vault — not you, not Techo&apos;s makers — and the records in it are lost. Write it down and keep it somewhere only you can reach.</source>
        <translation>&lt;b&gt;パスフレーズは大切に保管してください。&lt;/b&gt;忘れてしまうと、ご本人も Techo の開発者も保管庫を開けなくなり、中の記録は失われます。紙に書いて、ご自身だけが取り出せる場所に保管してください。</translation>
    </message>
    <message>
        <source>The vault will be saved as %1 in the folder %2.</source>
        <translation>保管庫はフォルダー %2 に %1 という名前で保存されます。</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>保管庫を作成しています…</translation>
    </message>
    <message>
        <source>&amp;Create vault</source>
        <translation>保管庫を作成(&amp;C)</translation>
    </message>
    <message>
        <source>Your vault is ready</source>
        <translation>保管庫ができました</translation>
    </message>
    <message>
        <source>Where do your records come from? You can import more at any time with File ▸ Import (Ctrl+I).</source>
        <translation>記録をどこから取り込みますか？「ファイル ▸ 取り込み」（Ctrl+I）でいつでも追加できます。</translation>
    </message>
    <message>
        <source>Try it with demo records</source>
        <translation>デモの記録で試す</translation>
    </message>
    <message>
        <source>Made-up records of a demo family from Techo&apos;s built-in test server, to look around safely.</source>
        <translation>Techo に内蔵されたテスト用サーバーから、架空の家族の記録を取り込みます。安心して操作を試せます。</translation>
    </message>
    <message>
        <source>From my health record service</source>
        <translation>利用している健康記録サービスから</translation>
    </message>
    <message>
        <source>Sign in at your service&apos;s own page in the browser and import your records.</source>
        <translation>ブラウザーでサービスのページにログインし、ご自身の記録を取り込みます。</translation>
    </message>
    <message>
        <source>From a saved file</source>
        <translation>保存したファイルから</translation>
    </message>
    <message>
        <source>A file downloaded from your health record service earlier.</source>
        <translation>以前に健康記録サービスからダウンロードしたファイルを取り込みます。</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>あとで</translation>
    </message>
    <message>
        <source>Start with an empty vault.</source>
        <translation>空の保管庫で始めます。</translation>
    </message>
    <message>
        <source>Use several unrelated words; a whole sentence works well.</source>
        <translation>関係のない単語をいくつか並べるか、ひとつの文にすると強くなります。</translation>
    </message>
    <message>
        <source>Very weak: easily guessed. Add more unrelated words.</source>
        <translation>とても弱い: 簡単に推測されます。関係のない単語を足してください。</translation>
    </message>
    <message>
        <source>Weak: add another word or two.</source>
        <translation>弱い: 単語をあと 1〜2 個足してください。</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>良い</translation>
    </message>
    <message>
        <source>Excellent.</source>
        <translation>とても良い</translation>
    </message>
    <message>
        <source>The passphrase must not be empty.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <source>Techo cannot create the vault in the folder %1: the folder cannot be created, or Techo may not write in it.</source>
        <translation>フォルダー %1 に保管庫を作成できません。フォルダーを作成できないか、このフォルダーへの書き込みが許可されていません。</translation>
    </message>
</context>
</TS>
