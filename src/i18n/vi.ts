import type { Messages } from './messages.js';

const what = (w: string | undefined): string =>
  ({ group: 'nhóm', manifestation: 'biểu hiện', behaviour: 'hành vi', level: 'mức độ', questionnaire: 'bộ câu hỏi', key: 'khóa' })[w ?? ''] ?? 'mục';

const type = (t: string | undefined): string =>
  ({ mapping: 'một bảng khóa: giá trị', list: 'một danh sách (các dòng bắt đầu bằng "- ")', string: 'một chuỗi chữ', number: 'một số', boolean: 'true hoặc false', null: 'để trống', other: 'giá trị khác' })[t ?? ''] ?? (t ?? '');

export const vi: Messages = {
  lang: 'vi',
  help: {
    usage: 'Cách dùng:',
    description: 'Mô tả:',
    arguments: 'Tham số:',
    options: 'Tùy chọn:',
    globalOptions: 'Tùy chọn chung:',
    commands: 'Lệnh:',
    examples: 'Ví dụ:',
    helpOption: 'hiển thị trợ giúp',
    helpCommand: 'hiển thị trợ giúp của một lệnh',
    versionOption: 'hiển thị số phiên bản',
  },
  program: {
    description:
      'tusoi — công cụ “Tự soi, tự sửa” theo Nghị quyết 04-NQ/TW (khóa XII): đảng viên tự đánh giá 27 biểu hiện, chi bộ tổng hợp, Đảng ủy cấp trên gộp báo cáo.',
    db: 'tệp cơ sở dữ liệu (mặc định: ./tusoi.sqlite hoặc biến TUSOI_DB)',
    lang: 'ngôn ngữ giao diện: vi hoặc en (mặc định: vi hoặc biến TUSOI_LANG)',
    json: 'in kết quả dạng JSON (chỉ dữ liệu trên stdout)',
    exitCodes: 'Mã thoát: 0 thành công, 1 thất bại (kể cả dữ liệu sai), 2 dùng lệnh sai, 130 bị ngắt (Ctrl+C).',
  },
  commands: {
    questionnaire: {
      summary: 'xem và kiểm tra bộ câu hỏi (tệp YAML)',
      list: {
        summary: 'liệt kê các bộ câu hỏi có sẵn (và các tệp được chỉ định)',
        files: 'tệp bộ câu hỏi YAML khác cần liệt kê thêm',
        examples: [['tusoi questionnaire list', 'các bộ câu hỏi đi kèm tusoi']],
      },
      show: {
        summary: 'hiển thị một bộ câu hỏi: nhóm, biểu hiện, hành vi',
        ref: 'mã bộ câu hỏi đi kèm (ví dụ nq4-khoa-xii) hoặc đường dẫn tệp YAML',
        examples: [
          ['tusoi questionnaire show nq4-khoa-xii', 'bộ câu hỏi theo Nghị quyết 04'],
          ['tusoi questionnaire show nq4-khoa-xii --json', 'dạng JSON để máy đọc'],
        ],
      },
      validate: {
        summary: 'kiểm tra tệp bộ câu hỏi, báo mọi lỗi kèm dòng và cột',
        files: 'các tệp YAML cần kiểm tra',
        fix: 'chuẩn hóa chữ về dạng Unicode dựng sẵn (NFC) và ghi lại tệp',
        examples: [['tusoi questionnaire validate questionnaires/nq4-khoa-xii.yaml', 'kiểm tra tệp; mã thoát 0 nếu hợp lệ, 1 nếu có lỗi']],
      },
    },
  },
  usage: {
    unknownOption: (o) => `Tùy chọn không có: ${o}.`,
    unknownCommand: (c) => `Lệnh không có: ${c}.`,
    missingArgument: (a) => `Thiếu tham số bắt buộc: ${a}.`,
    optionMissingArgument: (o) => `Tùy chọn ${o} cần một giá trị.`,
    excessArguments: 'Thừa tham số.',
    invalidValue: (d) => `Giá trị không hợp lệ: ${d}`,
    other: (d) => `Lệnh dùng chưa đúng: ${d}`,
    seeHelp: (c) => `Xem hướng dẫn: ${c} --help`,
  },
  errors: {
    FILE_NOT_FOUND: (p) => `Không tìm thấy tệp ${p.file}. Kiểm tra lại đường dẫn.`,
    FILE_UNREADABLE: (p) => `Không đọc được tệp ${p.file} (${p.reason}). Kiểm tra quyền đọc tệp.`,
    FILE_WRITE_FAILED: (p) => `Không ghi được tệp ${p.file} (${p.reason}). Kiểm tra thư mục và quyền ghi; tệp cũ không bị thay đổi.`,
    QUESTIONNAIRE_NOT_FOUND: (p) =>
      `Không có bộ câu hỏi "${p.ref}". Các bộ đi kèm: ${p.bundled || '(không có)'}. Hoặc chỉ đường dẫn tới tệp YAML. Xem: tusoi questionnaire list`,
    QUESTIONNAIRE_INVALID: (p) => `Bộ câu hỏi ${p.file} có ${p.errors} lỗi. Xem chi tiết: tusoi questionnaire validate ${p.file}`,
    BAD_OPTION_VALUE: (p) => `Giá trị "${p.value}" không hợp lệ cho ${p.option}. Chọn một trong: ${p.allowed}.`,
    NOT_A_TERMINAL: (p) => `Lệnh "${p.command}" cần một cửa sổ dòng lệnh tương tác (không dùng được qua ống dẫn hoặc tệp).`,
  },
  internal: {
    title: 'Lỗi nội bộ của tusoi (không phải do bạn).',
    report: 'Xin gửi toàn bộ nội dung trên cho người phát triển tusoi để sửa.',
  },
  interrupted: 'Đã dừng (Ctrl+C).',
  problems: {
    error: 'lỗi',
    warning: 'cảnh báo',
    messages: {
      NOT_UTF8: () => 'Tệp không phải chữ UTF-8. Lưu lại tệp với bảng mã UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8).',
      FILE_TOO_LARGE: (p) => `Tệp quá lớn (${p.count} byte, tối đa ${p.limit}). Đây không giống một bộ câu hỏi.`,
      YAML_SYNTAX: (p) => `Sai cú pháp YAML: ${p.detail}. Kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu hai chấm và dấu ngoặc kép.`,
      DUPLICATE_KEY: (p) => `Khóa bị lặp trong cùng một bảng: ${p.detail}. Xóa một trong hai dòng.`,
      TOO_DEEP: () => 'Cấu trúc lồng quá sâu. Một bộ câu hỏi chỉ có nhóm → biểu hiện → hành vi.',
      EMPTY_DOCUMENT: () => 'Tệp trống. Xem mẫu trong questionnaires/README.md.',
      UNSUPPORTED_FORMAT: (p) =>
        `Định dạng "format: ${p.actual}" không được hỗ trợ (phiên bản tusoi này đọc format: ${p.expected}). Cập nhật tusoi, hoặc ghi format: ${p.expected}.`,
      WRONG_TYPE: (p) => `${p.key ? `"${p.key}" cần` : 'Cần'} ${type(p.expected)}, nhưng ở đây là ${type(p.actual)}.${p.expected === 'string' && p.actual === 'number' ? ' Đặt giá trị trong dấu ngoặc kép, ví dụ "2026.1".' : ''}`,
      MISSING_FIELD: (p) => `Thiếu khóa bắt buộc "${p.key}". Thêm "${p.key}: …" vào đây.`,
      UNKNOWN_KEY: (p) => `Khóa không hợp lệ "${p.key}".${p.suggestion ? ` Có phải ý bạn là "${p.suggestion}"?` : ' Xóa khóa này hoặc xem định dạng trong questionnaires/README.md.'}`,
      EMPTY_TEXT: (p) => `"${p.key}" đang để trống. Điền nội dung.`,
      TEXT_TOO_LONG: (p) => `"${p.key}" dài ${p.count} ký tự (tối đa ${p.limit}). Rút gọn lại.`,
      NOT_NFC: (p) =>
        `Chữ ở "${p.key}" không ở dạng Unicode dựng sẵn (NFC), thường do gõ bằng kiểu "Unicode tổ hợp". Sửa tự động: tusoi questionnaire validate --fix TỆP`,
      MISSING_TRANSLATION: () => 'Thiếu bản tiếng Anh (en). Giao diện tiếng Anh sẽ hiện bản tiếng Việt.',
      BAD_ID: (p) => `Mã "${p.id}" không hợp lệ: chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (tối đa ${p.limit} ký tự), bắt đầu bằng chữ hoặc số.`,
      DUPLICATE_ID: (p) => `Mã ${what(p.what)} "${p.id}" bị trùng (đã dùng ở dòng ${p.firstLine}). Đổi một trong hai mã.`,
      DUPLICATE_ID_CASE: (p) =>
        `Mã ${what(p.what)} "${p.id}" chỉ khác "${p.actual}" (dòng ${p.firstLine}) ở chữ hoa/thường; bảng tính coi hai mã là một. Đổi một trong hai mã.`,
      EMPTY_LIST: (p) => `${what(p.what)[0]?.toUpperCase()}${what(p.what).slice(1)} này không có "${p.key}" nào. Thêm ít nhất một mục hoặc xóa ${what(p.what)}.`,
      TOO_FEW_LEVELS: (p) => `Cần ít nhất ${p.limit} mức độ trả lời (đang có ${p.count}), mức đầu tiên là "không".`,
      NO_NONE_LEVEL: (p) => `Mức độ đầu tiên "${p.id}" phải là mức "không": thêm "none: true" cho nó.`,
      NONE_NOT_FIRST: (p) => `Chỉ mức độ đầu tiên được là mức "không" (none: true); bỏ "none: true" ở "${p.id}" hoặc chuyển nó lên đầu.`,
      BAD_STATUS: (p) => `Trạng thái "${p.actual}" không hợp lệ. Dùng một trong: ${p.expected}.`,
      BAD_COUNT: (p) => `"${p.key}" phải là một số nguyên không âm (đang là ${p.actual}).`,
      COUNT_MISMATCH: (p) => `Khai báo ${p.expected} ${p.key === 'groups' ? 'nhóm' : p.key === 'manifestations' ? 'biểu hiện' : 'hành vi'}, nhưng tệp có ${p.actual}. Sửa số khai báo hoặc danh sách.`,
    },
    summary: (file, e, w) => `${file}: ${e} lỗi, ${w} cảnh báo.`,
    valid: (file, counts, sha) => `${file}: hợp lệ — ${counts}; sha256 ${sha}`,
    fixed: (file) => `${file}: đã chuẩn hóa chữ về NFC và ghi lại tệp.`,
  },
  questionnaire: {
    status: {
      verbatim: 'nguyên văn Nghị quyết',
      partial: 'một phần đã đối chiếu nguyên văn',
      unverified: 'chưa đối chiếu văn bản chính thức',
    },
    statusMark: {
      partial: 'lời văn mới đối chiếu được một phần với văn bản chính thức',
      unverified: 'lời văn chưa được đối chiếu với văn bản chính thức',
    },
    counts: (g, m, b) => `${g} nhóm, ${m} biểu hiện, ${b} hành vi`,
    id: 'Mã',
    version: 'Phiên bản',
    source: 'Căn cứ',
    levels: 'Mức độ',
    bundled: 'đi kèm',
    file: 'tệp',
    noneFound: 'Không có bộ câu hỏi nào.',
    invalidInList: (file, e) => `${file}: không hợp lệ (${e} lỗi) — xem: tusoi questionnaire validate ${file}`,
  },
};
