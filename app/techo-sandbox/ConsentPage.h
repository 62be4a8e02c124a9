#pragma once

// The small Japanese "card login + consent" page served by authorize without sandbox_auto_approve.

#include <map>
#include <string>
#include <vector>

#include "DataGenerator.h"

namespace techo::sandbox {

std::string htmlEscape(const std::string& text);
// hidden: the authorize parameters to carry through the form; people: the persons to offer.
std::string consentPage(const std::map<std::string, std::string>& hidden, const std::vector<Person>& people,
    int consentDays, const std::string& approvePath);

} // namespace techo::sandbox
