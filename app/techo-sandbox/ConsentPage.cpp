#include "ConsentPage.h"

namespace techo::sandbox {

std::string htmlEscape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string consentPage(const std::map<std::string, std::string>& hidden, const std::vector<Person>& people,
    int consentDays, const std::string& approvePath)
{
    std::string html = R"(<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>マイナポータル（サンドボックス）ログイン・同意</title>
<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;line-height:1.6}
fieldset{margin:1em 0}.note{color:#a00}</style></head><body>
<h1>マイナポータル（サンドボックス）</h1>
<p class="note">これは Techo の開発・試験用のサンドボックスです。実在のマイナンバーカードや個人の情報は使いません。</p>
<form method="post" action=")"
        + htmlEscape(approvePath) + R"(">
<fieldset><legend>マイナンバーカードでログイン（模擬）</legend>
<label>利用者証明用パスワード（数字4桁・任意の値）: <input type="password" name="pin" maxlength="4" inputmode="numeric"></label>
</fieldset>
<fieldset><legend>情報を提供する方（代理人として家族の情報も選べます）</legend>
)";
    for (const auto& p : people) {
        html += "<label><input type=\"checkbox\" name=\"person\" value=\"" + htmlEscape(p.id) + "\" checked> "
            + htmlEscape(p.name) + "（" + p.birth.iso() + "生）</label><br>\n";
    }
    html += R"(</fieldset>
<fieldset><legend>提供する情報</legend>
<label><input type="checkbox" name="kind" value="TKK" checked> 特定健診情報</label><br>
<label><input type="checkbox" name="kind" value="YZK" checked> 薬剤情報（処方・調剤情報を含む）</label><br>
<label><input type="checkbox" name="kind" value="PMH_VAC" checked> 予防接種情報</label>
</fieldset>
<fieldset><legend>連携期間</legend>
<label><input type="number" name="consent_days" min="1" max="365" value=")"
        + std::to_string(consentDays) + R"("> 日間</label>
</fieldset>
)";
    for (const auto& [name, value] : hidden)
        html += "<input type=\"hidden\" name=\"" + htmlEscape(name) + "\" value=\"" + htmlEscape(value) + "\">\n";
    html += R"(<p><button type="submit" name="decision" value="approve">同意して情報を提供する</button>
<button type="submit" name="decision" value="deny">同意しない</button>
<button type="submit" name="decision" value="cert_expired">（試験用）電子証明書の有効期限切れ</button></p>
</form></body></html>
)";
    return html;
}

} // namespace techo::sandbox
