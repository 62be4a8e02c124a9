#!/usr/bin/python3
"""Writes api/tkk-trend-male.json and api/tkk-trend-female.json: saved TKK /result bodies (invented persons)
with known values for the trend chart's tests (tests/ui/TestTrendChart.cpp, which states what each value is
for). Regenerate only when the cases change: python3 make-trend-fixture.py (in tests/data)."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
UNITS = {'3D046000001906202': '%', '3D045000001906202': '%', '9A751000000000001': 'mmHg',
         '9A752000000000001': 'mmHg', '9A755000000000001': 'mmHg', '9A761000000000001': 'mmHg',
         '9A762000000000001': 'mmHg', '9A765000000000001': 'mmHg', '3F077000002327101': 'mg/dL',
         '3F070000002327101': 'mg/dL', '3F015000002327101': 'mg/dL', '3B090000002327101': 'U/L',
         '2A030000001930101': 'g/dL', '8A065000002391901': 'mL/min/1.73m2'}
NAMES = {'3D046000001906202': 'HbA1c（NGSP値）', '3D045000001906202': 'HbA1c（JDS値）',
         '9A751000000000001': '収縮期血圧（1回目）', '9A752000000000001': '収縮期血圧（2回目）',
         '9A755000000000001': '収縮期血圧（その他）', '9A761000000000001': '拡張期血圧（1回目）',
         '9A762000000000001': '拡張期血圧（2回目）', '9A765000000000001': '拡張期血圧（その他）',
         '3F077000002327101': 'LDLコレステロール', '3F070000002327101': 'HDLコレステロール',
         '3F015000002327101': '中性脂肪（空腹時）', '3B090000002327101': 'γ-GT(γ-GTP)',
         '2A030000001930101': '血色素量', '8A065000002391901': 'eGFR'}
HBA1C, JDS = '3D046000001906202', '3D045000001906202'
SBP1, SBP2, SBPX = '9A751000000000001', '9A752000000000001', '9A755000000000001'
DBP1, DBP2, DBPX = '9A761000000000001', '9A762000000000001', '9A765000000000001'
LDL, HDL, TG, GGT = '3F077000002327101', '3F070000002327101', '3F015000002327101', '3B090000002327101'
HB, EGFR = '2A030000001930101', '8A065000002391901'

FACILITIES = [('1319990011', 'みどり健診プラザ'), ('1319990029', 'さくら総合健診センター')]


def checkup(person, day, kind, facility, values):
    code, name = FACILITIES[facility]
    return {'RecordId': f'{person}-TKK-{day}-{kind}', 'EffectiveTime': day, 'CheckupKind': kind,
            'InstitutionCode': code, 'InstitutionName': name, 'InsurerNumber': '06999901',
            'HealthCheckupResultAndQuestionInfos': [
                {'ItemCode': c, 'ItemName': NAMES[c], 'DataType': 'PQ', 'DataValue': v, 'Unit': UNITS[c],
                 'Oid': '', 'DataValueName': '', 'OutOfRangeFlag': ''} for c, v in values]}


def body(person, name, kana, birthday, sex, checkups):
    return {'commonHeader': {'telegramId': 'TL-12345678-261130090000-0001', 'telegramType': 'IFA0303-S01',
                             'mode': '1', 'processId': 'P00000000000000000001', 'errorCode': '', 'errorMessage': ''},
            'medicalInsuranceInfoProvisionInfo': {
                'infoKind': 'TKK', 'personId': person, 'partNumber': 1, 'totalParts': 1,
                'recordCount': len(checkups),
                'data': {'QualificationsInfo': {'Name': name, 'KanaName': kana, 'Birthday': birthday,
                                                'AdministrativeGenderCode': sex},
                         'SpecificHealthCheckupInfos': checkups}}}


male = [
    # JDS 5.2 → NGSP 5.6 (保健指導); BP readings 128/124 and 80/78 → means 126 and 79.
    checkup('T0001', '20100615', '10', 0, [(JDS, '5.2'), (SBP1, '128'), (SBP2, '124'), (DBP1, '80'), (DBP2, '78'),
                                           (LDL, '118'), (HDL, '52'), (TG, '120'), (GGT, '40')]),
    # JDS 4.9 → NGSP 5.2 (基準範囲内).
    checkup('T0001', '20120620', '10', 0, [(JDS, '4.9'), (SBP1, '122'), (DBP1, '76'), (LDL, '112'), (HDL, '55'),
                                           (TG, '110'), (GGT, '36')]),
    # γ-GT "<5": a bound.
    checkup('T0001', '20140618', '10', 1, [(HBA1C, '5.5'), (SBP1, '134'), (SBP2, '130'), (DBP1, '86'), (DBP2, '84'),
                                           (LDL, '132'), (HDL, '45'), (TG, '160'), (GGT, '<5')]),
    checkup('T0001', '20160701', '10', 1, [(HBA1C, '5.9'), (SBP1, '142'), (SBP2, '140'), (DBP1, '92'), (DBP2, '88'),
                                           (LDL, '145'), (HDL, '38'), (TG, '310'), (GGT, '55')]),
    # Same day, another kind (事業者健診): its HbA1c 6.0 must not become a second point.
    checkup('T0001', '20160701', '41', 0, [(HBA1C, '6.0')]),
    # HbA1c 6.8: 受診勧奨判定値.
    checkup('T0001', '20190610', '10', 0, [(HBA1C, '6.8'), (SBPX, '136'), (DBPX, '84'), (LDL, '128'), (HDL, '41'),
                                           (TG, '140'), (GGT, '48')]),
    checkup('T0001', '20220614', '10', 1, [(HBA1C, '6.3'), (SBP1, '138'), (DBP1, '86'), (LDL, '150'), (HDL, '39'),
                                           (TG, '<30'), (GGT, '60')]),
    checkup('T0001', '20250612', '10', 1, [(HBA1C, '6.1'), (SBP1, '126'), (SBP2, '122'), (DBP1, '78'), (DBP2, '76'),
                                           (LDL, '118'), (HDL, '44'), (TG, '98'), (GGT, '35')]),
]
female = [
    # 血色素量 11.5: 保健指導 for a woman (≤12.0), 受診勧奨 for a man (≤12.0) — the sex decides.
    checkup('T0002', '20200905', '10', 0, [(HBA1C, '5.4'), (HB, '11.5'), (EGFR, '58')]),
    checkup('T0002', '20230910', '10', 0, [(HBA1C, '5.5'), (HB, '12.6'), (EGFR, '44')]),
]

for name, content in [('tkk-trend-male.json', body('T0001', '架空　一郎', 'カクウ　イチロウ', '19650412', '1', male)),
                      ('tkk-trend-female.json', body('T0002', '架空　花子', 'カクウ　ハナコ', '19680830', '2', female))]:
    with open(os.path.join(HERE, 'api', name), 'w', encoding='utf-8') as f:
        json.dump(content, f, ensure_ascii=False, indent=1)
        f.write('\n')
