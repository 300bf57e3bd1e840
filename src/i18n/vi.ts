import type { Messages } from './messages.js';
import { shellName, shellWord } from '../text/shell-word.js';

const what = (w: string | undefined): string =>
  ({ group: 'nhóm', manifestation: 'biểu hiện', behaviour: 'hành vi', level: 'mức độ', questionnaire: 'bộ câu hỏi', key: 'khóa' })[w ?? ''] ?? 'mục';

const type = (t: string | undefined): string =>
  ({ mapping: 'một bảng khóa: giá trị', list: 'một danh sách (các dòng bắt đầu bằng "- ")', string: 'một chuỗi chữ', number: 'một số', boolean: 'true hoặc false', null: 'để trống', other: 'giá trị khác' })[t ?? ''] ?? (t ?? '');

const mb = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB` : `${n.toLocaleString('vi-VN')} byte`);
const notRegular: Messages['files']['notRegular'] = {
  directory: 'một thư mục',
  fifo: 'một ống dẫn có tên (FIFO)',
  device: 'một tệp thiết bị',
  socket: 'một socket',
  other: 'một mục đặc biệt của hệ thống tệp',
};

const formats: Messages['files']['formats'] = {
  xlsx: 'một bảng tính Excel (.xlsx)',
  ods: 'một bảng tính LibreOffice/OpenOffice (.ods)',
  xls: 'một bảng tính Excel 97–2003 (.xls) hoặc tệp Office cũ',
  zip: 'một tệp nén ZIP',
  docx: 'một văn bản Word (.docx)',
  doc: 'một văn bản Word 97–2003 (.doc)',
  pdf: 'một tệp PDF',
  sqlite: 'một cơ sở dữ liệu SQLite (có thể là cơ sở dữ liệu của tusoi; tệp gửi lên cấp trên do lệnh tusoi export tạo)',
  gzip: 'một tệp nén gzip',
  '7z': 'một tệp nén 7-Zip',
  rar: 'một tệp nén RAR',
  image: 'một tệp ảnh',
};
const format = (f: string | undefined): string => formats[f as keyof typeof formats] ?? 'một tệp nhị phân';

/** Text hygiene (issue 14, part 4): what kind of character was refused. */
const charKind = (k: string | undefined): string =>
  ({ control: 'ký tự điều khiển', bidi: 'ký tự đổi chiều chữ', invisible: 'ký tự vô hình', surrogate: 'nửa ký tự hỏng' })[k ?? ''] ?? 'ký tự không được phép';

/** 2026-12-02 → 02/12/2026, as dates read in Vietnamese text. */
const viDay = (iso: string): string => iso.split('-').reverse().join('/');

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
    optionsPlaceholder: '[tùy chọn]',
    commandPlaceholder: '[lệnh]',
    placeholders: {
      file: 'tệp',
      files: 'tệp',
      dir: 'thư-mục',
      code: 'mã',
      name: 'tên',
      names: 'họ-tên',
      level: 'cấp',
      label: 'tên-đợt',
      idOrFile: 'mã|tệp',
      member: 'tên|mã',
      format: 'dạng',
      k: 'K',
      sep: 'dấu',
      lang: 'ngôn-ngữ',
      paths: 'đường-dẫn',
      ref: 'mã|tệp',
    },
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
    init: {
      summary: 'tạo tệp cơ sở dữ liệu mới cho một đơn vị (chi bộ, đảng ủy cơ sở, khối…)',
      unitCode: 'mã đơn vị, không dấu, không khoảng trắng (ví dụ CB03)',
      unitName: 'tên đơn vị (ví dụ "Chi bộ Văn phòng")',
      level: 'cấp: chi-bo (mặc định), dang-uy-co-so, khoi… (chỉ là nhãn)',
      parent: 'mã đơn vị cấp trên trực tiếp',
      examples: [
        ['tusoi init --unit-code CB03 --unit-name "Chi bộ Văn phòng" --parent DU01', 'tạo ./tusoi.sqlite cho một chi bộ'],
        ['tusoi init --db khoi.sqlite --unit-code DUK --unit-name "Đảng ủy Khối" --level khoi', 'tạo cơ sở dữ liệu để gộp báo cáo'],
      ],
    },
    member: {
      summary: 'quản lý danh sách đảng viên',
      add: {
        summary: 'thêm một hoặc nhiều đảng viên',
        names: 'họ và tên (đặt trong dấu ngoặc kép)',
        code: 'mã đảng viên (chỉ khi thêm một người; mặc định tự sinh M001, M002…)',
        examples: [
          ['tusoi member add "Nguyễn Văn An" "Trần Thị Bích Ngọc"', 'thêm hai người, mã tự sinh'],
          ['tusoi member add "Lê Văn Hùng" --code CB03-017', 'thêm một người với mã cho trước'],
        ],
      },
      list: { summary: 'liệt kê đảng viên theo thứ tự tên', all: 'kể cả người đã thôi sinh hoạt' },
      remove: {
        summary: 'xóa một đảng viên (người đã trả lời thì chỉ chuyển sang thôi sinh hoạt, giữ dữ liệu)',
        member: 'mã hoặc họ tên (không cần dấu)',
      },
      import: {
        summary: 'nhập danh sách từ tệp .xlsx, CSV hoặc TXT như văn phòng vẫn lập: tiêu đề phía trên, cột STT, họ tên một cột hoặc Họ/Họ đệm/Tên, cột mã (tùy chọn)',
        file: 'tệp .xlsx, CSV hoặc TXT',
        examples: [['tusoi member import danh-sach.csv', 'nhập tất cả hoặc không nhập gì nếu có dòng sai']],
      },
    },
    round: {
      summary: 'mở, đóng và liệt kê các đợt tự đánh giá',
      open: {
        summary: 'mở một đợt mới (mỗi lúc chỉ một đợt mở)',
        label: 'tên đợt, duy nhất (mặc định: năm hiện tại)',
        questionnaire: 'bộ câu hỏi: mã đi kèm hoặc tệp YAML (mặc định nq4-khoa-xii)',
        anonymous: 'đợt ẩn danh: không lưu liên kết giữa người và câu trả lời',
        examples: [
          ['tusoi round open --label 2026', 'mở đợt 2026 với bộ câu hỏi Nghị quyết 04'],
          ['tusoi round open --label "2026 ẩn danh" --anonymous', 'mở đợt ẩn danh'],
        ],
      },
      close: { summary: 'đóng đợt đang mở (khóa mọi câu trả lời của đợt)' },
      list: { summary: 'liệt kê các đợt' },
    },
    answer: {
      summary: 'đảng viên tự đánh giá (trả lời từng hành vi); hoặc nhập phiếu giấy',
      member: 'mã hoặc họ tên đảng viên (không cần dấu)',
      answers: 'nhập phiếu giấy từ tệp CSV có tiêu đề behaviour,level',
      replace: 'thay câu trả lời đã có của người này (khi nhập phiếu giấy)',
      examples: [
        ['tusoi answer --member "nguyen van an"', 'trả lời; làm tiếp đúng chỗ nếu đang dở'],
        ['tusoi answer --member M003 --answers phieu-M003.csv', 'nhập phiếu giấy'],
      ],
    },
    response: {
      summary: 'quản lý phiếu trả lời',
      reopen: {
        summary: 'mở lại phiếu đã nộp để đảng viên sửa (chỉ đợt không ẩn danh)',
        member: 'mã hoặc họ tên đảng viên',
      },
    },
    session: {
      summary: 'phiên họp: lần lượt từng đảng viên trả lời trên cùng máy, xóa màn hình sau mỗi người',
      examples: [['tusoi session', 'bí thư mở một lần; chọn Thoát khi xong']],
    },
    // --- serve (issue 18) ---
    serve: {
      summary: 'mở phiếu trên mạng nội bộ: đảng viên tự trả lời trên điện thoại hoặc máy tính của mình',
      host: 'địa chỉ để mở (mặc định: địa chỉ của máy này trong mạng nội bộ)',
      port: 'cổng (mặc định: 8080)',
      codes: 'in phiếu mã cá nhân (HTML) vào tệp này rồi thoát; in lại thì mã cũ hết hiệu lực',
      force: 'ghi đè tệp --codes đã có mà không hỏi',
      examples: [
        ['tusoi serve --codes ma-ca-nhan.html', 'in phiếu mã cá nhân để phát cho từng đồng chí'],
        ['tusoi serve', 'mở phiếu; Ctrl+C để dừng'],
        ['tusoi serve --host 192.168.137.1 --port 8080', 'chọn địa chỉ (ví dụ: điểm phát Wi-Fi của máy)'],
      ],
    },
    status: {
      summary: 'tình hình đợt đang mở: đã nộp, đang làm, chưa bắt đầu',
      examples: [['tusoi status --json', 'dạng JSON']],
    },
    demo: {
      summary: 'chạy thử: tạo một Khối nhỏ với dữ liệu mẫu, gộp báo cáo và in kết quả (vài giây)',
      dir: 'thư mục để tạo dữ liệu (mặc định: một thư mục tạm mới)',
      examples: [
        ['tusoi demo', 'chạy thử trong thư mục tạm'],
        ['tusoi demo --dir thu-nghiem --lang en', 'trong thư mục thu-nghiem, bằng tiếng Anh'],
      ],
    },
    merge: {
      summary: 'gộp các tệp xuất của đơn vị cấp dưới vào cơ sở dữ liệu của cấp trên',
      paths: 'các tệp .csv/.txt hoặc thư mục (tìm cả thư mục con)',
      round: 'đợt nhận (mặc định: đợt đang mở)',
      replace: 'thay tệp đã gộp của cùng đơn vị khi số liệu khác',
      remove: 'gỡ một tệp đã gộp khỏi đợt, theo mã đơn vị của tệp hoặc tên tệp như khi gộp (dùng nhiều lần được; gỡ xong mới gộp các tệp khác)',
      examples: [
        ['tusoi merge nhan-ve/', 'gộp mọi tệp trong thư mục nhan-ve; mã thoát 1 nếu có tệp bị từ chối'],
        ['tusoi merge CB07-2026.csv --replace', 'thay bản đã gộp trước của CB07'],
        ['tusoi merge --remove CB07 DU01-2026.csv', 'gỡ tệp riêng của CB07, rồi gộp tệp của đảng ủy cơ sở đã tính cả CB07'],
      ],
    },
    unit: {
      summary: 'danh sách đơn vị cần báo cáo (để biết ai chưa gửi)',
      import: {
        summary: 'nhập danh sách đơn vị từ CSV: cột mã, tên, mã cấp trên (và cấp, tùy chọn)',
        file: 'tệp CSV hoặc TXT',
        examples: [['tusoi unit import don-vi.csv', 'rồi lệnh status cho biết đơn vị nào chưa báo cáo']],
      },
      list: { summary: 'liệt kê các đơn vị cần báo cáo' },
    },
    report: {
      summary: 'báo cáo tổng hợp của đợt: trên màn hình, HTML để in, PDF hoặc JSON',
      round: 'tên đợt (mặc định: đợt đang mở, hoặc đợt gần nhất)',
      format: 'text (mặc định), html, pdf hoặc json',
      out: 'tệp ghi ra (mặc định cho html/pdf: <mã đơn vị>-<đợt>.html|pdf)',
      suppress: 'ẩn các số từ 1 đến K−1 (khi gửi báo cáo ra ngoài chi bộ), ví dụ 5',
      compare: 'so với một đợt trước (tên đợt)',
      force: 'ghi đè tệp đã có mà không hỏi',
      examples: [
        ['tusoi report', 'báo cáo trên màn hình, hành vi được tự nhận nhiều nhất xếp trước'],
        ['tusoi report --format html', 'tệp HTML khổ A4 để in (Ctrl+P)'],
        ['tusoi report --format pdf --suppress-below 5', 'PDF ẩn các số nhỏ hơn 5'],
      ],
    },
    measure: {
      summary: 'biện pháp khắc phục chung của chi bộ (hiện trong báo cáo của chi bộ)',
      add: {
        summary: 'thêm một biện pháp',
        text: 'nội dung biện pháp',
        behaviour: 'mã hành vi mà biện pháp nhắm tới (ví dụ TT4.3)',
        examples: [['tusoi measure add "Họp giao ban đầu tuần, phân công rõ người, rõ việc" --behaviour TT4.3', 'biện pháp cho hành vi TT4.3']],
      },
      list: { summary: 'liệt kê các biện pháp của đợt' },
      done: { summary: 'đánh dấu biện pháp đã thực hiện', id: 'số thứ tự của biện pháp (lệnh measure list cho biết)' },
    },
    export: {
      summary: 'xuất số liệu tổng hợp của đơn vị ra tệp CSV để gửi cấp trên (không có tên đảng viên)',
      round: 'tên đợt (mặc định: đợt đang mở, hoặc đợt gần nhất)',
      out: 'tệp ghi ra, hoặc - để in ra màn hình (mặc định: <mã đơn vị>-<đợt>.csv)',
      separator: 'dấu phân cách: , (mặc định), ; hoặc tab',
      force: 'ghi đè tệp đã có mà không hỏi',
      examples: [
        ['tusoi export', 'ghi CB03-2026.csv: UTF-8 có BOM, mở được bằng Excel'],
        ['tusoi export --separator ";"', 'dùng dấu ; (Excel đặt theo kiểu Việt Nam)'],
      ],
    },
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
    unknownOption: (o) => `Không có tùy chọn ${o}.`,
    unknownCommand: (c) => `Không có lệnh ${c}.`,
    missingArgument: (a) => `Thiếu tham số bắt buộc: ${a}.`,
    optionMissingArgument: (o) => `Tùy chọn ${o} cần một giá trị.`,
    missingOption: (o) => `Thiếu tùy chọn bắt buộc ${o}.`,
    excessArguments: 'Thừa tham số.',
    invalidValue: (d) => `Giá trị không hợp lệ: ${d}`,
    other: (d) => `Lệnh dùng chưa đúng: ${d}`,
    seeHelp: (commandPath) => `Xem hướng dẫn:\n  ${commandPath} --help`,
    didYouMean: (s) => `Có phải đồng chí định gõ ${s}?`,
  },
  errors: {
    FILE_NOT_FOUND: (p) => `Không tìm thấy tệp ${p.file}. Kiểm tra lại đường dẫn.`,
    FILE_UNREADABLE: (p) => `Không đọc được tệp ${p.file} (${p.reason}). Kiểm tra quyền đọc tệp.`,
    FILE_WRITE_FAILED: (p) => `Không ghi được tệp ${p.file} (${p.reason}). Kiểm tra thư mục và quyền ghi; tệp cũ không bị thay đổi.`,
    FILE_NOT_REGULAR: (p) => `${p.file} là ${notRegular[p.kind]}, không phải một tệp thông thường; tusoi không đọc. Đồng chí hãy chỉ đường dẫn tới chính tệp cần đọc.`,
    FILE_TOO_LARGE: (p) => `Tệp ${p.file} quá lớn (${mb(p.size)}, tối đa ${mb(p.limit)}); tusoi không đọc. Đồng chí kiểm tra xem có chọn nhầm tệp không.`,
    CSV_WORKBOOK: (p) => `${p.file} là ${format(p.format)}, tusoi không đọc định dạng này. Mở bằng Excel và lưu thành .xlsx hoặc CSV UTF-8 ("Lưu thành"/Save As), rồi dùng tệp đó.`,
    CSV_NOT_TEXT: (p) =>
      p.format === 'doc' || p.format === 'docx' || p.format === 'pdf'
        ? `${p.file} là ${format(p.format)}, không phải một bảng tính; tusoi không đọc bảng trong đó. Chép bảng sang Excel hoặc LibreOffice Calc rồi lưu thành .xlsx hoặc CSV UTF-8.`
        : `${p.file} là ${format(p.format)}, không phải một bảng CSV. Đồng chí kiểm tra lại tệp đã chọn.`,
    DEMO_DIR_EXISTS: (p) => `Thư mục ${p.dir} đã có một bản chạy thử. Đồng chí xóa thư mục đó, hoặc chọn thư mục khác:\n  tusoi demo --dir thu-nghiem-2`,
    QUESTIONNAIRE_NOT_FOUND: (p) =>
      `Không có bộ câu hỏi "${p.ref}". Các bộ đi kèm: ${p.bundled || '(không có)'}. Hoặc chỉ đường dẫn tới tệp YAML. Xem các bộ câu hỏi:\n  tusoi questionnaire list`,
    QUESTIONNAIRE_INVALID: (p) => `Bộ câu hỏi ${p.file} có ${p.errors} lỗi. Xem chi tiết:\n  tusoi questionnaire validate ${shellWord(p.file)}`,
    BAD_OPTION_VALUE: (p) => `Giá trị "${p.value}" không hợp lệ cho ${p.option}. Chọn một trong: ${p.allowed}.`,
    NOT_A_TERMINAL: (p) => `Lệnh "${p.command}" cần một cửa sổ dòng lệnh tương tác (không dùng được qua ống dẫn hoặc tệp). Trên Windows hãy dùng Windows Terminal, PowerShell hoặc cmd.`,
    DB_NOT_FOUND: (p) => `Chưa có cơ sở dữ liệu ${p.file}. Tạo mới (hoặc chỉ tệp khác bằng --db):\n  tusoi init --unit-code MÃ --unit-name "Tên chi bộ"`,
    DB_EXISTS: (p) => `Tệp ${p.file} đã có; tusoi không ghi đè. Chọn tên khác bằng --db, hoặc dùng tệp đó.`,
    DB_NOT_TUSOI: (p) => `Tệp ${p.file} không phải cơ sở dữ liệu của tusoi (hoặc đã hỏng). Kiểm tra --db; tệp không bị thay đổi.`,
    DB_TOO_NEW: (p) => `Tệp ${p.file} do phiên bản tusoi mới hơn tạo (lược đồ ${p.version}, bản này đọc tới ${p.supported}). Cập nhật tusoi; tệp không bị thay đổi.`,
    DB_DATA_TOO_NEW: (p) => `Tệp ${p.file} chứa ${p.what === 'questionnaire' ? 'bộ câu hỏi của đợt' : 'số liệu đã hợp nhất'} do phiên bản tusoi mới hơn ghi (định dạng ${p.format}, bản này đọc tới ${p.supported}). Cập nhật tusoi để đọc được tệp này.`,
    DB_READONLY: (p) => `Không ghi được vào ${p.file}: tệp hoặc thư mục chỉ cho đọc. Kiểm tra quyền ghi, hoặc chép tệp vào một thư mục đồng chí ghi được.`,
    DB_FULL: (p) => `Không ghi được vào ${p.file}: đĩa đầy hoặc lỗi ghi. Giải phóng chỗ trống rồi chạy lại; dữ liệu đã lưu không mất.`,
    DB_BUSY: (p) => `Cơ sở dữ liệu ${p.file} đang bận (một cửa sổ khác đang ghi quá lâu). Chờ một chút rồi chạy lại.`,
    DIR_NOT_FOUND: (p) => `Không có thư mục ${p.dir}. Tạo thư mục trước, hoặc chọn đường dẫn khác.`,
    BAD_UNIT_CODE: (p) => `Mã đơn vị "${p.code}" không hợp lệ: dùng chữ cái không dấu, chữ số, dấu chấm, gạch ngang (ví dụ CB03); nên có chữ cái để Excel không biến mã thành số.`,
    BAD_FINGERPRINT: (p) => `"${p.value}" không phải dấu vân tay khóa: cần 4 nhóm 4 ký tự như 7K3M-Q9XA-2HBT-W6PD (đơn vị in bằng lệnh unit key).`,
    DB_NO_KEY: () => 'Cơ sở dữ liệu này chưa có khóa ký (đang mở ở chế độ chỉ đọc). Mở nó một lần ở nơi ghi được (ví dụ chép vào thư mục của mình) để tạo khóa.',
    EMPTY_NAME: (p) => `Thiếu ${p.what}.`,
    MEMBER_NOT_FOUND: (p) => `Không tìm thấy đảng viên "${p.query}". Xem danh sách:\n  tusoi member list`,
    MEMBER_AMBIGUOUS: (p) => `"${p.query}" trùng với nhiều người: ${p.candidates}. Ghi mã đảng viên, ví dụ --member ${p.candidates.split(' ')[0] ?? 'M001'}`,
    MEMBER_INACTIVE: (p) => `${p.member} đã thôi sinh hoạt ở chi bộ này.`,
    NO_MEMBERS: () => 'Chưa có đảng viên nào. Thêm từng người, hoặc nhập cả danh sách:\n  tusoi member add "Họ và tên"\n  tusoi member import danh-sach.csv',
    MEMBERS_REJECTED: (p) => `Không nhập gì từ ${p.file}: ${p.errors} dòng sai (xem trên). Sửa tệp rồi nhập lại.`,
    CSV_BAD_WORKBOOK: (p) => `${p.file}: không đọc được bảng tính này (${p.detail}). Mở tệp trong Excel hoặc LibreOffice, lưu lại dạng .xlsx hoặc "CSV UTF-8" rồi nhập lại.`,
    MEMBER_NAME_TAKEN: (p) => `Đã có đảng viên tên ${p.name} (mã ${p.code}). Nếu là hai người trùng tên, hãy thêm chữ đệm hoặc ghi chú vào tên để phân biệt.`,
    NO_OPEN_ROUND: (p) => `Chưa có đợt nào đang mở. Mở đợt:\n  tusoi round open --label ${shellWord(p.year)}`,
    ROUND_ALREADY_OPEN: (p) => `Đợt "${p.label}" đang mở; mỗi lúc chỉ mở một đợt. Đóng đợt đó trước:\n  tusoi round close`,
    ROUND_LABEL_TAKEN: (p) => `Đã có đợt "${p.label}". Chọn tên khác, ví dụ:\n  tusoi round open --label ${shellName(`${p.label} (2)`)}`,
    ROUND_NOT_FOUND: (p) => `Không có đợt "${p.label}". Xem các đợt:\n  tusoi round list`,
    ROUND_NOT_COLLECTING: (p) => `Đợt "${p.label}" là đợt gộp báo cáo của cấp trên, không nhận câu trả lời trực tiếp.`,
    BAD_LABEL: (p) => `Tên đợt "${p.label}" không hợp lệ (để trống hoặc quá dài).`,
    RESPONSE_SUBMITTED: (p) => `${p.member} đã nộp phiếu của đợt này. Nếu cần sửa, bí thư mở lại phiếu:\n  tusoi response reopen --member ${shellWord(p.code)}`,
    RESPONSE_EXISTS: (p) => `${p.member} đã có phiếu trong đợt này. Thay bằng phiếu giấy: thêm --replace`,
    RESPONSE_NOT_SUBMITTED: (p) => `${p.member} chưa nộp phiếu nào trong đợt này, không có gì để mở lại.`,
    ANONYMOUS_NO_REPLACE: (p) => `${p.member} đã tham gia đợt ẩn danh này; phiếu ẩn danh không thể tìm lại để thay thế.`,
    ANONYMOUS_NO_REOPEN: () => 'Trong đợt ẩn danh, phiếu đã nộp không gắn với ai nên không mở lại được.',
    ANON_WAL_PENDING: (p) => `Đợt đã đóng, nhưng một cửa sổ tusoi khác đang đọc ${p.file} nên nhật ký ghi (WAL) chưa được xoá sạch. Đóng các cửa sổ đó; lần tới tusoi mở tệp để ghi (vd. tusoi session, tusoi round open) sẽ làm nốt.`,
    ANSWERS_REJECTED: (p) => `Không lưu gì từ ${p.file}: ${p.errors} lỗi (xem trên). Sửa tệp rồi nhập lại.`,
    CSV_LEGACY_ENCODING: (p) => `Tệp ${p.file} dùng bảng mã cũ TCVN3 (ABC) hoặc VNI, không phải Unicode. Chuyển sang Unicode bằng công cụ chuyển mã của Unikey, rồi lưu lại dạng "CSV UTF-8".`,
    CSV_MOJIBAKE: (p) => `Chữ tiếng Việt trong ${p.file} đã bị hỏng khi lưu (ví dụ "Nguyá»…n"). Mở tệp gốc và lưu lại dạng "CSV UTF-8 (Comma delimited)".`,
    NO_ROUNDS: (p) => `Chưa có đợt nào. Mở đợt:\n  tusoi round open --label ${shellWord(p.year)}`,
    PDF_NO_BROWSER: () => 'Không tìm thấy trình duyệt Chromium để in PDF. Cài Chromium (Linux: apt-get install chromium), hoặc đặt biến TUSOI_CHROMIUM tới tệp chạy của Chrome/Edge; hoặc xuất HTML (--format html) rồi in bằng Ctrl+P.',
    ROUND_NOT_MERGING: (p) => `Đợt "${p.label}" của chi bộ nhận câu trả lời trực tiếp, không gộp tệp. Báo cáo được gộp trong cơ sở dữ liệu riêng của cấp trên (đảng ủy cơ sở hoặc Đảng ủy Khối), tạo bằng:\n  tusoi --db cap-tren.sqlite init --unit-code MÃ --unit-name "Tên đảng ủy" --level dang-uy-co-so   # Đảng ủy Khối: --level khoi`,
    ROUND_CLOSED: (p) => `Đợt "${p.label}" đã đóng, không nhận thêm tệp.`,
    NO_FILES: (p) => `Không tìm thấy tệp .csv, .txt, .xlsx hoặc .ods nào trong: ${p.paths}.`,
    MERGE_REMOVE_NOT_FOUND: (p) => `Đợt "${p.label}" không có tệp đã gộp nào của đơn vị hay tên tệp "${p.ref}". Đồng chí ghi mã đơn vị của tệp (ví dụ CB07) hoặc tên tệp đúng như khi gộp.`,
    MERGE_REMOVE_COVERED: (p) => `Đơn vị ${p.ref} không có tệp riêng trong đợt "${p.label}": đơn vị này được tính trong tệp ${p.file} (của ${p.unit}). Muốn gỡ thì gỡ cả tệp đó:\n  tusoi merge --remove ${shellWord(p.unit)}`,
    MERGE_REMOVE_AMBIGUOUS: (p) => `Có nhiều tệp đã gộp cùng tên "${p.ref}" (của các đơn vị ${p.units}). Đồng chí gỡ theo mã đơn vị, ví dụ:\n  tusoi merge --remove ${shellWord(p.units.split(', ')[0] ?? 'MÃ')}`,
    ANONYMOUS_OPEN: (p) => `Đợt "${p.label}" là đợt ẩn danh và còn mở: báo cáo hay xuất tệp lúc này (sau từng lượt) sẽ để lộ câu trả lời của từng người. Đóng đợt trước:\n  tusoi round close`,
    RESPONSE_TAKEN_OVER: ({ where, at }) =>
      where === 'web'
        ? `Phiếu này đã được mở tiếp trên một thiết bị lúc ${at}; câu trả lời vừa rồi không được lưu (các câu trước đó vẫn còn).`
        : `Phiếu này đã được mở tiếp ở máy tính của bí thư lúc ${at}; câu trả lời vừa rồi không được lưu (các câu trước đó vẫn còn).`,
    RESPONSE_CLOSED: () => 'Phiếu này đã được nộp (ở cửa sổ khác) hoặc đợt đã đóng; câu trả lời không được lưu thêm.',
    SERVE_ANONYMOUS: (p) => `Đợt ${p.label} là đợt ẩn danh: phiếu trên mạng hiện chỉ dùng cho đợt ghi tên. Dùng máy này cho từng người trả lời lần lượt:\n  tusoi session`,
    DB_INCOMPLETE: (p) => `Tệp ${p.file} chưa được khởi tạo xong (thiếu thông tin đơn vị). Xóa tệp rồi tạo lại:\n  tusoi --db ${shellWord(p.file)} init --unit-code MÃ --unit-name "Tên chi bộ"`,
    OUTPUT_IS_DATABASE: (p) =>
      `${p.file} là cơ sở dữ liệu của đơn vị (${p.database}) hoặc tệp đi kèm của nó; tusoi không bao giờ ghi báo cáo hay tệp xuất đè lên đó. Đồng chí hãy chọn tên khác bằng --out; cơ sở dữ liệu không bị thay đổi.`,
    OUTPUT_IS_SQLITE: (p) => `${p.file} là một cơ sở dữ liệu SQLite; tusoi không ghi đè lên tệp này. Đồng chí hãy chọn tên khác bằng --out; tệp không bị thay đổi.`,
    OUTPUT_NOT_FILE: (p) =>
      `${p.file} là ${{ folder: 'một thư mục', device: 'một thiết bị', fifo: 'một đường ống (FIFO)', socket: 'một socket', other: 'một mục đặc biệt' }[p.kind]}, không phải tệp thông thường; tusoi không ghi vào đó. Đồng chí hãy đặt tên tệp bằng --out, ví dụ --out bao-cao.html.`,
    OUTPUT_NOT_REPLACED: (p) => `Chưa ghi gì: ${p.file} được giữ nguyên. Chọn tên khác bằng --out, hoặc thêm --force để ghi đè mà không hỏi.`,
    DB_EMPTY: (p) => `Tệp ${p.file} trống hoặc chưa được tạo xong (một lần chạy tusoi init trước đó bị ngắt); tệp không chứa dữ liệu nào. Đồng chí có thể xóa tệp rồi tạo lại:\n  tusoi --db ${shellWord(p.file)} init --unit-code MÃ --unit-name "Tên chi bộ"`,
    COMMITMENT_KEY_DAMAGED: (p) => `Khoá cam kết của ${p.member} trong tệp có giá trị không hợp lệ (tệp bị sửa tay hoặc hỏng); không mở được cam kết của đồng chí này.`,
    // Read-only use (issue 14, part 5).
    DB_READONLY_TOO_LARGE: (p) =>
      `Không ghi được vào ${p.file} (tệp hoặc thư mục chỉ cho đọc), và tệp quá lớn (${mb(p.size)}, tối đa ${mb(p.limit)}) để tusoi đọc từ một bản sao trong bộ nhớ. Đồng chí hãy sao chép tệp (cùng tệp ${p.file}-wal nếu có) sang một thư mục ghi được rồi chạy tusoi trên bản sao.`,
    DB_READONLY_OLD: (p) =>
      `${p.file} chỉ cho đọc và được tạo bởi một phiên bản tusoi cũ hơn (lược đồ ${p.version}; bản này dùng ${p.supported}); tusoi không nâng cấp được bản sao trong bộ nhớ để đọc. Đồng chí hãy sao chép tệp (cùng tệp -wal nếu có) sang một thư mục ghi được rồi chạy tusoi trên bản sao; tệp gốc không bị thay đổi.`,
    DB_READONLY_WAL_UNREADABLE: (p) =>
      `Bên cạnh ${p.file} có tệp ${p.wal} chứa những thay đổi chưa ghi vào tệp chính, nhưng tusoi không đọc được tệp đó (${p.reason}); tusoi không hiển thị dữ liệu cũ hơn thay cho dữ liệu thật. Đồng chí hãy kiểm tra quyền đọc của ${p.wal}, hoặc sao chép cả hai tệp sang một thư mục ghi được.`,
    DB_READONLY_COPY_FAILED: (p) =>
      `${p.file} chỉ cho đọc và có tệp -wal bên cạnh; để đọc cả hai, tusoi cần một bản sao tạm trong thư mục tạm của hệ thống nhưng không tạo được (${p.reason}). Đồng chí hãy sao chép ${p.file} và ${p.file}-wal sang một thư mục ghi được rồi chạy tusoi trên bản sao.`,
    // Spreadsheets in (issue 16, parts 1 and 2).
    WORKBOOK_SHEET_NOT_FOUND: (p) => `${p.file} không có trang tính "${p.sheet}". Các trang có: "${p.sheets}". Gõ lại tên trang sau --sheet.`,
    WORKBOOK_SHEET_AMBIGUOUS: (p) => `${p.file} có nhiều trang tính chứa bảng: "${p.sheets}". Chọn một trang bằng --sheet "<tên trang>".`,
    WORKBOOK_TOO_LARGE: (p) => `${p.file} quá lớn khi giải nén (${p.detail}); tusoi không đọc. Tệp có thể bị hỏng hoặc cố ý làm lớn; mở bằng Excel hoặc LibreOffice, chỉ giữ bảng cần nhập rồi lưu lại thành .xlsx hoặc CSV UTF-8.`,
    ANSWERS_LAYOUT: (p) =>
      p.found === 'sheet'
        ? `${p.file} là bảng phiếu của cả chi bộ (mỗi đảng viên một cột), không phải phiếu của một người. Bỏ --member để nhập cả bảng.`
        : `${p.file} là phiếu của một người (hai cột: hành vi, mức độ). Thêm --member <mã hoặc tên> để nhập phiếu đó.`,
    ANSWERS_PARTICIPANTS: (p) =>
      `${p.file} có ${p.ballots} cột phiếu đánh số, nhưng --participants nêu ${p.participants} đảng viên. Nêu đúng những người đã nộp phiếu (bằng mã, cách nhau bởi dấu phẩy, hoặc một tệp danh sách), đủ ${p.ballots} người.`,
    ANSWERS_ALREADY_TAKEN: (p) => `Đã ghi nhận tham gia đợt này: ${p.members}. Không nhập gì; bỏ những người này khỏi bảng hoặc khỏi --participants.`,
    DEMO_STEP_FAILED: (p) => `Bản chạy thử dừng ở bước: ${p.command}. Xin báo lỗi này cho người phát triển tusoi.`,
    UNITS_REJECTED: (p) => `Không nhập gì từ ${p.file}: ${p.errors} dòng sai (xem trên). Sửa tệp rồi nhập lại.`,
    PDF_FAILED: (p) => `Không in được PDF (${p.reason}). Xuất HTML (--format html) rồi in bằng Ctrl+P.`,
    // Text hygiene (issue 14, part 4).
    TEXT_UNSAFE: (p) =>
      `${p.what}: có ${charKind(p.kind)} ${p.char} ở ký tự thứ ${p.position}; tên, nhãn và mã không được chứa ký tự này. Đồng chí hãy gõ lại bằng bàn phím (ký tự này thường dính vào khi chép từ trang web, tin nhắn hay tệp khác).`,
    TEXT_TOO_LONG: (p) => `${p.what} dài ${p.length.toLocaleString('vi-VN')} ký tự (tối đa ${p.limit}). Đồng chí hãy rút gọn lại.`,
    // Rounds and the menu (issue 15, part 4).
    ROUND_CLOSE_DECLINED: (p) => `Đợt "${p.label}" vẫn mở: đồng chí đã chọn không đóng.`,
    ROUND_CHANGED: (p) => `Đợt "${p.label}" không còn là đợt đang mở (đã được đóng hoặc thay ở cửa sổ khác); không đóng gì. Xem lại:\n  tusoi round list`,
    ROUND_NOT_CLOSED: (p) => `Đợt "${p.label}" đang mở, không cần mở lại.`,
    ROUND_REOPEN_EXPORTED: (p) =>
      `Không mở lại được đợt "${p.label}": tệp chính thức của đợt đã được xuất ngày ${viDay(p.on)}. Tệp đó có thể đã gửi lên cấp trên; mở lại để sửa thì số liệu gửi đi không còn đúng. Cần làm lại thì mở đợt mới:\n  tusoi round open --label ${shellWord(`${p.label} (bổ sung)`)}`,
    ROUND_REOPEN_REPORTED: (p) =>
      `Không mở lại được đợt ẩn danh "${p.label}": ngày ${viDay(p.on)} đã ${p.kind === 'export' ? 'xuất tệp' : 'lập báo cáo'} của đợt sau khi đóng. Nếu mở lại và có thêm một phiếu, so hai báo cáo trước và sau sẽ thấy đúng câu trả lời của người đó. Cần làm lại thì mở đợt mới:\n  tusoi round open --anonymous --label ${shellWord(`${p.label} (bổ sung)`)}`,
  },
  internal: {
    title: 'Lỗi nội bộ của tusoi (không phải do đồng chí).',
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
      YAML_ALIAS: () => 'Bộ câu hỏi không dùng neo (&) và bí danh (*) của YAML. Đồng chí hãy viết đầy đủ nội dung tại chỗ.',
      MORE_PROBLEMS: (p) => `… và ${(p.count ?? 0).toLocaleString('vi-VN')} lỗi khác (không liệt kê).`,
      EMPTY_DOCUMENT: () => 'Tệp trống. Xem mẫu trong questionnaires/README.md.',
      UNSUPPORTED_FORMAT: (p) =>
        `Định dạng "format: ${p.actual}" không được hỗ trợ (phiên bản tusoi này đọc format: ${p.expected}). Cập nhật tusoi, hoặc ghi format: ${p.expected}.`,
      WRONG_TYPE: (p) => `${p.key ? `"${p.key}" cần` : 'Cần'} ${type(p.expected)}, nhưng ở đây là ${type(p.actual)}.${p.expected === 'string' && p.actual === 'number' ? ' Đặt giá trị trong dấu ngoặc kép, ví dụ "2026.1".' : ''}`,
      MISSING_FIELD: (p) => `Thiếu khóa bắt buộc "${p.key}". Thêm "${p.key}: …" vào đây.`,
      UNKNOWN_KEY: (p) => `Khóa không hợp lệ "${p.key}".${p.suggestion ? ` Có phải đồng chí định ghi "${p.suggestion}"?` : ' Xóa khóa này hoặc xem định dạng trong questionnaires/README.md.'}`,
      EMPTY_TEXT: (p) => `"${p.key}" đang để trống. Điền nội dung.`,
      TEXT_TOO_LONG: (p) => `"${p.key}" dài ${p.count} ký tự (tối đa ${p.limit}). Rút gọn lại.`,
      NOT_NFC: (p) =>
        `Chữ ở "${p.key}" không ở dạng Unicode dựng sẵn (NFC), thường do gõ bằng kiểu "Unicode tổ hợp". Sửa tự động:\n  tusoi questionnaire validate --fix TỆP`,
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
      // Text hygiene (issue 14, part 4).
      UNSAFE_CHARACTER: (p) =>
        `"${p.key}" có ${charKind(p.kind)} ${p.actual} ở ký tự thứ ${p.position}. Xóa ký tự đó (một trình soạn thảo hiện ký tự ẩn, như VS Code, cho thấy nó) rồi kiểm tra lại; trong nội dung chỉ được xuống dòng.`,
    },
    summary: (file, e, w) => `${file}: ${e} lỗi, ${w} cảnh báo.`,
    valid: (file, counts, sha) => `${file}: hợp lệ — ${counts}; sha256 ${sha}`,
    fixed: (file) => `${file}: đã chuẩn hóa chữ về NFC và ghi lại tệp.`,
  },
  // Spreadsheets in (issue 16, parts 1 and 2).
  sheets: {
    where: (file, sheet, line, column) => `${file}, trang "${sheet}"${line > 0 ? `, dòng ${line}` : ''}${column === undefined ? '' : `, cột ${column}`}`,
    formEntered: (who, answers, blanks) => `  ${who}: ${answers} câu trả lời${blanks > 0 ? `, ${blanks} ô trống tính là "không"` : ''}`,
    sheetEntered: (file, forms, anonymous) => `Đã nhập ${forms} phiếu từ ${file}${anonymous ? ' vào số đếm ẩn danh của đợt (không lưu phiếu của từng người)' : ''}; các phiếu đã nộp và khóa.`,
    namedReminder: (file) => `Lưu ý: ${file} chứa câu trả lời ghi tên từng đảng viên. Đã nhập xong thì xóa tệp này (và bản in, nếu có).`,
    templateWritten: (file, columns, anonymous) => `Đã ghi ${file}: ${columns} cột ${anonymous ? 'phiếu đánh số' : 'đảng viên'}, chỉ chủ máy đọc được. Điền mức độ (1, 2, 3 hoặc tên mức) vào mỗi ô rồi nhập:\n  tusoi answer --answers ${shellWord(file)}`,
    behaviourHeader: 'Mã hành vi',
    textHeader: 'Nội dung',
    ballotHeader: (n) => `Phiếu ${n}`,
    allForms: 'Cả bảng (đợt ẩn danh: không nêu từng cột)',
    help: {
      sheet: 'trang tính cần đọc trong tệp .xlsx/.ods (mặc định: trang có dòng tiêu đề phù hợp)',
      sheetName: 'tên-trang',
      blankIsNone: 'ô trống trong bảng phiếu tính là mức "không" (như phiếu giấy để trống)',
      participants: 'đợt ẩn danh, bảng có cột phiếu đánh số: những người đã nộp phiếu (mã cách nhau bởi dấu phẩy, hoặc tệp danh sách)',
      participantsArg: 'mã|tệp',
      template: 'ghi bảng phiếu trống của đợt đang mở (.csv, .xlsx hoặc .ods) để điền hoặc in',
    },
  },
  csv: {
    messages: {
      CSV_SYNTAX: (p) => `Dòng không đọc được (${p.detail}). Kiểm tra dấu ngoặc kép và số cột.`,
      CSV_NO_HEADER: (p) => `Không nhận ra dòng tiêu đề. Dòng đầu cần có ${p.expected}.`,
      CSV_EMPTY_FILE: () => 'Tệp không có dòng dữ liệu nào.',
      CSV_EMPTY_VALUE: (p) => `Cột "${p.column}" để trống.`,
      CSV_BAD_CODE: (p) => `Mã "${p.value}" không hợp lệ (chỉ chữ không dấu, số, . - _, tối đa 32 ký tự).`,
      CSV_DUPLICATE_CODE: (p) => `Mã "${p.value}" lặp lại (đã có ở dòng ${p.firstLine}).`,
      CSV_CODE_TAKEN: (p) =>
        `Mã "${p.value}" đã là của ${p.name} trong danh sách. Nếu không phải cùng một người, đổi mã hoặc bỏ dòng này; nếu là cùng một người đã đổi tên, đổi tên trước rồi nhập lại:\n  tusoi member rename ${shellWord(p.value ?? 'MÃ')} "Tên mới"`,
      CSV_UNKNOWN_BEHAVIOUR: (p) => `Không có hành vi "${p.value}" trong bộ câu hỏi của đợt.`,
      CSV_UNKNOWN_LEVEL: (p) => `Mức độ "${p.value}" không hợp lệ; dùng một trong: ${p.expected}.`,
      CSV_DUPLICATE_BEHAVIOUR: (p) => `Hành vi "${p.value}" đã trả lời ở dòng ${p.firstLine}.`,
      CSV_MISSING_BEHAVIOURS: (p) => `Thiếu ${p.count} hành vi: ${p.list}. Phiếu phải trả lời mọi hành vi.`,
      CSV_LEGACY_ENCODING: () => 'Tệp dùng bảng mã cũ TCVN3 (ABC) hoặc VNI, không phải Unicode. Chuyển sang Unicode bằng công cụ chuyển mã của Unikey, rồi lưu lại dạng "CSV UTF-8".',
      CSV_MOJIBAKE: () => 'Chữ tiếng Việt trong tệp đã bị hỏng khi lưu (ví dụ "Nguyá»…n"). Mở tệp gốc và lưu lại dạng "CSV UTF-8 (Comma delimited)".',
      EXPORT_NOT_TUSOI: (p) => `Không phải tệp xuất của tusoi (thiếu cột ${p.column}). Gửi đúng tệp do "tusoi export" tạo.`,
      EXPORT_FORMAT_NEWER: (p) => `Tệp ở định dạng ${p.value}, mới hơn bản tusoi này (đọc tới ${p.expected}). Cập nhật tusoi.`,
      EXPORT_TRUNCATED: (p) => `Dòng bị cắt hoặc thiếu cột (có ${p.value}, cần ${p.expected}). Tệp có thể bị hỏng khi gửi; xin đơn vị gửi lại.`,
      EXPORT_INCONSISTENT: (p) => `Cột "${p.column}" khác với dòng đầu ("${p.value}"); tệp bị ghép hoặc sửa tay. Xin đơn vị xuất lại.`,
      EXPORT_BAD_NUMBER: (p) => `Cột "${p.column}": "${p.value}" không phải số nguyên không âm.`,
      EXPORT_BAD_ROW_TYPE: (p) => `Loại dòng "${p.value}" không hợp lệ.`,
      EXPORT_DUPLICATE_ITEM: (p) => `Mục "${p.value}" xuất hiện hai lần (dòng ${p.firstLine}).`,
      EXPORT_NUMERIC_UNIT_CODE: (p) => `Mã đơn vị "${p.value}" chỉ gồm chữ số: có thể Excel đã bỏ số 0 ở đầu. Không gộp để tránh nhầm đơn vị; xin đơn vị gửi lại tệp gốc (không mở bằng Excel rồi lưu).`,
      EXPORT_INTEGRITY: () => 'Mã kiểm tra không khớp: số liệu trong tệp đã bị sửa hoặc hỏng sau khi xuất. Xin đơn vị xuất và gửi lại.',
      EXPORT_ARITHMETIC: (p) => `Số liệu không khớp: ${p.detail}.`,
      EXPORT_LEGACY_ENCODING: () => 'Tệp dùng bảng mã cũ TCVN3/VNI. Xin đơn vị xuất lại bằng tusoi (không lưu lại bằng bảng mã cũ).',
      EXPORT_MOJIBAKE: () => 'Chữ tiếng Việt trong tệp đã bị hỏng khi lưu lại. Xin đơn vị gửi tệp gốc.',
      EXPORT_EMPTY: () => 'Tệp trống.',
      EXPORT_SYNTAX: (p) => `Dòng không đọc được (${p.detail}): dấu ngoặc kép bị hỏng. Tệp đã bị hỏng hoặc bị sửa tay; xin đơn vị xuất lại.`,
      CSV_WORKBOOK: (p) => `Đây là ${format(p.format)}, không phải tệp CSV. Mở tệp bằng Excel hoặc LibreOffice, chọn "Lưu thành" (Save As) dạng "CSV UTF-8 (Comma delimited)" rồi dùng tệp .csv đó.`,
      CSV_NOT_TEXT: (p) => `Đây là ${format(p.format)}, không phải một bảng CSV. Kiểm tra lại tệp đã chọn.`,
      EXPORT_WORKBOOK: (p) => `Đây là ${format(p.format)}, không phải tệp xuất của tusoi (tệp đã bị mở và lưu lại thành bảng tính). Xin đơn vị gửi lại tệp .csv do tusoi export tạo.`,
      EXPORT_NOT_TEXT: (p) => `Đây là ${format(p.format)}, không phải tệp xuất của tusoi. Xin đơn vị gửi tệp .csv do tusoi export tạo.`,
      FILE_NOT_REGULAR: (p) => `Đây là ${notRegular[p.kind as keyof typeof notRegular] ?? notRegular.other}, không phải một tệp thông thường; không đọc.`,
      FILE_TOO_LARGE: (p) => `Tệp quá lớn (${mb(p.count ?? 0)}, tối đa ${mb(p.limit ?? 0)}); không đọc. Tệp xuất của một chi bộ chỉ khoảng 30 KB.`,
      MORE_PROBLEMS: (p) => `… và ${(p.count ?? 0).toLocaleString('vi-VN')} lỗi khác (không liệt kê).`,
      // Member lists as offices keep them (issue 15, part 3).
      CSV_HEADER_ROW: (p) => `Dòng này lặp lại dòng tiêu đề (dòng ${p.firstLine}), không phải một đảng viên. Xóa dòng này rồi nhập lại.`,
      CSV_SEPARATOR_ROW: (p) => `Dòng này chỉ có ký tự kẻ dòng ("${p.value}"), không phải một đảng viên. Xóa dòng này rồi nhập lại.`,
      CSV_BAD_WORKBOOK: (p) => `Không đọc được bảng tính này (${p.detail}). Mở tệp trong Excel hoặc LibreOffice, lưu lại dạng .xlsx hoặc "CSV UTF-8" rồi nhập lại.`,
      CSV_NUMERIC_MEMBER_CODE: (p) =>
        `Mã "${p.value}" chỉ gồm chữ số: Excel sẽ bỏ số 0 ở đầu khi lưu lại tệp (0123 thành 123). Vẫn nhập; nên dùng mã có chữ, ví dụ CB03-${p.value}.`,
      // Text hygiene (issue 14, part 4).
      CSV_UNSAFE_TEXT: (p) => `Cột "${p.column}": có ${charKind(p.kind)} ${p.value} ở ký tự thứ ${p.position}. Gõ lại ô này trong tệp (không chép từ nơi khác) rồi nhập lại.`,
      CSV_TEXT_TOO_LONG: (p) => `Cột "${p.column}" dài ${(p.count ?? 0).toLocaleString('vi-VN')} ký tự (tối đa ${p.limit}). Rút gọn ô này rồi nhập lại.`,
      EXPORT_UNSAFE_TEXT: (p) =>
        `Cột "${p.column}": có ${charKind(p.kind)} ${p.value} ở ký tự thứ ${p.position}; mã và nhãn không được tự sửa thành một mã khác, nên tệp không được gộp. Tệp đã bị sửa tay hoặc hỏng; xin đơn vị xuất lại.`,
      EXPORT_TEXT_TOO_LONG: (p) => `Cột "${p.column}" dài ${(p.count ?? 0).toLocaleString('vi-VN')} ký tự (tối đa ${p.limit}). Tệp đã bị sửa tay hoặc hỏng; xin đơn vị xuất lại.`,
      EXPORT_TEXT_CLEANED: (p) => `Cảnh báo: tên đơn vị (cột "${p.column}") có ${charKind(p.kind)} ${p.value} ở ký tự thứ ${p.position}; đã bỏ các ký tự như vậy khỏi tên, tệp vẫn được gộp.`,
      EXPORT_TEXT_TRUNCATED: (p) => `Cảnh báo: tên đơn vị (cột "${p.column}") dài ${(p.count ?? 0).toLocaleString('vi-VN')} ký tự; chỉ giữ ${p.limit} ký tự đầu, tệp vẫn được gộp.`,
      // Spreadsheets in (issue 16, parts 1 and 2).
      EXPORT_RESAVED_VALUE: (p) =>
        `Cột "${p.column}": khi lưu lại thành bảng tính, chương trình bảng tính đã đổi chữ thành ${p.kind === 'date' ? 'ngày tháng' : 'số'} ${p.value}; không biết được giá trị gốc (ví dụ 2026.10 thành 2026.1). Không gộp; xin đơn vị gửi lại tệp .csv do lệnh export của tusoi tạo.`,
      SHEET_BAD_LEVEL: (p) => `Ô ${p.column} (${p.name}): "${p.value}" không phải một mức độ. Ghi ${p.expected}.`,
      SHEET_BLANK: (p) => `Ô ${p.column} (${p.name}) để trống. Điền mức độ, hoặc thêm --blank-is-none nếu ô trống nghĩa là "không".`,
      SHEET_UNKNOWN_MEMBER: (p) => `Cột ${p.column}: "${p.value}" không phải mã hay họ tên (đúng từng chữ) của một đảng viên đang sinh hoạt. Sửa tiêu đề cột cho đúng mã đảng viên.`,
      SHEET_DUPLICATE_MEMBER: (p) => `Cột ${p.column}: ${p.name} đã có cột ${p.value}. Mỗi đảng viên một cột.`,
      SHEET_NO_COLUMNS: () => 'Bảng không có cột nào của đảng viên hay phiếu: sau cột mã hành vi (và một cột nội dung), mỗi cột mang mã đảng viên hoặc số phiếu.',
      SHEET_MIXED_COLUMNS: (p) => `Cột ${p.column}: bảng trộn cột đảng viên và cột phiếu đánh số. Dùng một kiểu cho cả bảng.`,
      // Every file checked in full before it counts (issue 17, part 4).
      EXPORT_BAD_UNIT_CODE: (p) =>
        `Cột "${p.column}": mã đơn vị "${p.value}" không hợp lệ (chỉ chữ cái không dấu, chữ số, dấu chấm, gạch ngang, có ít nhất một chữ cái, như khi tạo bằng lệnh init). Mã trống, có dấu cách, chữ toàn khổ hay chữ Kirin giống chữ Latinh đều bị từ chối; tệp không được gộp.`,
      EXPORT_OVERALL_ROWS: (p) =>
        p.count === 0
          ? 'Tệp không có dòng "overall" (tổng chung); tệp đã bị sửa tay hoặc hỏng, không gộp. Xin đơn vị xuất lại.'
          : p.value !== undefined
            ? `Dòng "overall" mang mã "${p.value}" thay vì "overall"; không gộp. Xin đơn vị xuất lại.`
            : `Tệp có ${p.count} dòng "overall" (dòng đầu tiên: ${p.firstLine}), phải có đúng một; không gộp. Xin đơn vị xuất lại.`,
      EXPORT_ROLLUP: (p) =>
        p.kind === 'min'
          ? `Mục "${p.value}": chỉ ${p.count} người ở mức này hoặc nặng hơn, ít hơn mục con "${p.name}" (${p.limit}); mỗi người được tính theo câu trả lời nặng nhất nên không thể ít hơn. Số liệu đã bị sửa; không gộp.`
          : `Mục "${p.value}": ${p.count} người ở mức này hoặc nặng hơn, nhiều hơn tổng các mục con (${p.limit}). Số liệu đã bị sửa; không gộp.`,
      EXPORT_BAD_TIME: (p) => `Cột "${p.column}": "${p.value}" không phải thời điểm dạng ${p.expected}; tệp đã bị sửa tay, không gộp. Xin đơn vị xuất lại.`,
      EXPORT_FUTURE_TIME: (p) => `Cột "${p.column}": thời điểm xuất ${p.value} muộn hơn lúc gộp quá một ngày (sau ${p.expected}); không gộp. Kiểm tra đồng hồ máy của đơn vị rồi xin xuất lại.`,
      EXPORT_SIGNATURE: (p) =>
        p.kind === 'key'
          ? `Cột "${p.column}": khóa công khai của tệp không đọc được; tệp đã bị sửa hoặc hỏng, không gộp. Xin đơn vị xuất lại.`
          : `Chữ ký của tệp (khóa ${p.value}) không khớp nội dung: tệp đã bị sửa sau khi đơn vị ký, không gộp. Xin đơn vị xuất và gửi lại.`,
      EXPORT_UNSIGNED: (p) => `Cảnh báo: tệp của đơn vị ${p.value} không có chữ ký (tusoi cũ hoặc cơ sở dữ liệu chưa có khóa); vẫn gộp vì đơn vị chưa có khóa. Nên xin đơn vị cập nhật tusoi; gộp với --require-signature để từ chối tệp không ký.`,
      CSV_BAD_FINGERPRINT: (p) => `Cột "${p.column}": "${p.value}" không phải dấu vân tay khóa (4 nhóm 4 ký tự, ví dụ 7K3M-Q9XA-2HBT-W6PD). Sửa ô này rồi nhập lại.`,
    },
    rejected: (file, n) => `${file}: ${n} lỗi.`,
  },
  db: {
    created: (file, unit) => `Đã tạo ${file} cho ${unit} (chỉ chủ tệp đọc được).`,
    next: 'Tiếp theo: thêm đảng viên (từng người, hoặc nhập cả danh sách), rồi mở đợt:\n  tusoi member add "Họ và tên"\n  tusoi member import danh-sach.csv\n  tusoi round open',
  },
  members: {
    added: (n) => `Đã thêm ${n} đảng viên.`,
    addedOne: (code, name) => `  + ${code}  ${name}`,
    conflict: (code, name) => `Mã ${code} đã là của ${name}. Dùng mã khác.`,
    none: 'Chưa có đảng viên nào. Thêm:\n  tusoi member add "Họ và tên"',
    header: (n) => `${n} đảng viên`,
    inactive: '(thôi sinh hoạt)',
    removed: (name, code) => `Đã xóa ${code} ${name}.`,
    deactivated: (name, code) => `${code} ${name} đã có câu trả lời nên chỉ chuyển sang thôi sinh hoạt; dữ liệu được giữ.`,
    which: 'Đồng chí là ai? (gõ tên không cần dấu để tìm)',
    searchHint: 'gõ để tìm, ↑↓ để chọn, ⏎ để xác nhận',
  },
  rounds: {
    opened: (label, q, anonymous) => `Đã mở đợt "${label}" với bộ câu hỏi ${q}${anonymous ? ' (ẩn danh)' : ''}.`,
    closed: (label) => `Đã đóng đợt "${label}"; các câu trả lời được khóa.`,
    none: 'Chưa có đợt nào. Mở đợt:\n  tusoi round open',
    open: 'đang mở',
    closedOn: (day) => `đóng ngày ${day}`,
    anonymous: 'ẩn danh',
    named: 'ghi tên',
    merge: 'gộp báo cáo',
  },
  interview: {
    who: 'Chọn tên của đồng chí',
    confirmWho: (name, code) => `Đồng chí là ${name} (${code})?`,
    notYou: 'Vui lòng chọn lại.',
    group: (id, text) => `Nhóm ${id}: ${text}`,
    manifestation: (id, i, n) => `Biểu hiện ${id} (${i}/${n})`,
    question: (i, n, id) => `Câu ${i}/${n} · ${id}`,
    levelPrompt: 'Mức độ của đồng chí:',
    back: '← Câu trước',
    toReview: '☰ Xem lại và nộp',
    keysHelp: 'phím số hoặc ↑↓ để chọn, ⏎ để xác nhận',
    saved: (id, level, a, n) => `✓ Đã lưu ${id}: ${level} · đã trả lời ${a} trên ${n} câu`,
    reviewTitle: (a, n) => `Xem lại trước khi nộp — đã trả lời ${a}/${n} câu`,
    reviewNone: 'Đồng chí trả lời "Không" cho mọi hành vi.',
    reviewFlagged: (n) => `${n} hành vi đồng chí tự nhận ở mức thỉnh thoảng hoặc thường xuyên (chọn một dòng để sửa):`,
    reviewMissing: (n) => `Còn ${n} câu chưa trả lời; cần trả lời hết mới nộp được.`,
    reviewPrompt: 'Chọn:',
    submit: '✔ Nộp phiếu (sau khi nộp không sửa được nữa)',
    continueAnswering: '↩ Trả lời tiếp các câu còn thiếu',
    confirmSubmit: 'Nộp phiếu bây giờ?',
    submitted: (name) => `Đã nộp phiếu của ${name}. Cảm ơn đồng chí.`,
    yes: 'Có',
    no: 'Không',
    resumed: (a, n) => `Tiếp tục từ chỗ đã dừng: đã lưu ${a}/${n} câu.`,
    paused: (a, n, cmd) => `Đã lưu ${a}/${n} câu; phiếu chưa nộp. Làm tiếp:\n  ${cmd}`,
    anonymousCode: (code) => `Mã tiếp tục của đồng chí: ${code} — chỉ cần nếu phải làm tiếp sau khi bị ngắt; không ai khác thấy mã này sau phiên của đồng chí.`,
    anonymousNotice: 'Đợt ẩn danh: phiếu của đồng chí không gắn với tên; chỉ ghi nhận là đồng chí đã tham gia.',
    askCode: 'Nhập mã tiếp tục đã hiện trên màn hình (để trống để làm lại từ đầu):',
    codeWrong: 'Mã không đúng. Thử lại, hoặc để trống để làm lại từ đầu.',
    startOver: 'Bắt đầu phiếu mới.',
    paperEntered: (name, n) => `Đã nhập phiếu giấy của ${name}: ${n} câu, đã nộp và khóa.`,
    reopened: (name, code) => `Đã mở lại phiếu của ${name}; đồng chí ấy có thể sửa rồi nộp lại:\n  tusoi answer --member ${shellWord(code)}`,
  },
  session: {
    title: (unit, round) => `Phiên tự soi, tự sửa — ${unit} — đợt ${round}`,
    pick: 'Mời đồng chí chọn tên của mình (gõ để tìm, không cần dấu):',
    allDone: 'Tất cả đảng viên đã nộp phiếu.',
    handOver: 'Đã xong. Mời đồng chí tiếp theo.',
    pressEnter: 'Nhấn Enter để tiếp tục',
    remaining: (n) => `Còn ${n} đồng chí chưa nộp.`,
  },
  // interview-session (issue 15): the interview and the kiosk without traps.
  flow: {
    nothingChosen: 'Chưa chọn mức nào: nhấn 1, 2 hoặc 3 (hoặc ↑↓), rồi ⏎.',
    skippedRest: (n) => `Đã bỏ qua ${n} hành vi còn lại.`,
    dueInvalid: (text) => `"${text}" không phải một ngày có thật. Ghi ngày/tháng/năm (30/6/2027) hoặc tháng/năm (6/2027); Enter để bỏ qua.`,
    noMatch: (term) => `Không có đồng chí nào chưa nộp khớp với "${term}" (ai đã nộp thì không còn trong danh sách). Xóa bớt chữ để tìm lại.`,
    pickHint: 'gõ để tìm, ↑↓ để chọn, ⏎ để xác nhận · bí thư: Ctrl+C để kết thúc phiên',
    confirmEnd: 'Kết thúc phiên? (dành cho bí thư)',
    ended: (s, n) => `Phiên kết thúc: ${s}/${n} đã nộp.`,
    turnPaused: (a, n) => `Đã dừng lượt: đã lưu ${a}/${n} câu, phiếu CHƯA nộp. Muốn làm tiếp, chọn lại tên của đồng chí.`,
    roundClosed: (label) => `Đợt ${label} đã được đóng ở nơi khác (tusoi round close); phiên dừng, không nhận thêm câu trả lời.`,
  },
  // Signed exports and pinned keys (issue 17).
  keys: {
    keyHelp: 'in dấu vân tay khóa ký của đơn vị (đọc cho cấp trên qua điện thoại)',
    trustHelp: 'xác nhận khóa của một đơn vị cấp dưới bằng dấu vân tay đã đọc qua điện thoại',
    trustCode: 'mã đơn vị cấp dưới',
    trustFingerprint: 'dấu vân tay, 4 nhóm 4 ký tự (ví dụ 7K3M-Q9XA-2HBT-W6PD)',
    fingerprintPlaceholder: 'vân-tay',
    trustExamples: [['tusoi unit trust CB03 7K3M-Q9XA-2HBT-W6PD', 'sau khi CB03 đọc dấu vân tay qua điện thoại']],
    requireSignature: 'từ chối mọi tệp không có chữ ký, kể cả của đơn vị chưa có khóa',
    fingerprint: (code, fp) => `Dấu vân tay khóa ký của ${code}: ${fp}`,
    readAloud: (code, fp) => `Đọc dãy này cho cấp trên qua điện thoại; cấp trên xác nhận bằng:\n  tusoi unit trust ${code} ${fp}`,
    noKey: 'Cơ sở dữ liệu này chưa có khóa ký (đang mở ở chế độ chỉ đọc). Mở nó một lần ở nơi ghi được (ví dụ chép vào thư mục của mình) để tạo khóa.',
    statusLine: (fp) => `Khóa ký: ${fp}`,
    pinned: (fp, v) => `khóa ${fp} (${v ? 'đã xác minh' : 'chưa xác minh'})`,
    unsignedOnly: 'chỉ có tệp không ký',
    notVerifiedUnits: (codes) => `Khóa chưa xác minh (gọi điện hỏi dấu vân tay rồi dùng lệnh unit trust): ${codes}`,
    unsignedOnlyUnits: (codes) => `Đơn vị chỉ gửi tệp không ký: ${codes}`,
    confirmed: (code, fp) => `Đã xác nhận khóa của ${code}: ${fp}.`,
    trusted: (code, fp, prev) => (prev ? `Đã ghi khóa ${fp} cho ${code}, thay khóa ${prev}.` : `Đã ghi khóa ${fp} cho ${code}.`),
    removed: (file, round) => `  − ${file} (đợt ${round}): đã gỡ, vì ký bằng khóa cũ`,
    exportUnsigned: 'Cảnh báo: tệp xuất không có chữ ký vì cơ sở dữ liệu chưa có khóa (mở ở chế độ chỉ đọc). Mở nó một lần ở nơi ghi được rồi xuất lại.',
  },
  status: {
    unit: (code, name, level) => `${name} (${code}, ${level})`,
    round: (label, anonymous, open) => `Đợt ${label}${anonymous ? ' · ẩn danh' : ''}${open ? ' · đang mở' : ' · đã đóng'}`,
    noRound: 'Chưa có đợt nào đang mở. Mở đợt:\n  tusoi round open',
    counts: (m, s, p, n) => `${m} đảng viên: ${s} đã nộp, ${p} đang làm, ${n} chưa bắt đầu.`,
    submitted: 'Đã nộp',
    inProgress: 'Đang làm',
    notStarted: 'Chưa bắt đầu',
  },
  report: {
    title: 'TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA',
    unit: (name, code) => `${name} (${code})`,
    round: (label, anonymous, open) => `Đợt ${label}${anonymous ? ' · ẩn danh' : ''}${open ? ' · đang mở (số liệu tạm thời)' : ''}`,
    questionnaire: (id, version, sha) => `Bộ câu hỏi ${id} phiên bản ${version} (sha256 ${sha})`,
    date: (day) => `Ngày lập: ${day}`,
    participation: (r, m, pct) => `Tham gia: ${r}/${m} đảng viên (${pct}%)`,
    overall: 'Chung (số đảng viên có ít nhất một hành vi)',
    byGroup: 'Theo nhóm',
    byManifestation: 'Theo 27 biểu hiện',
    manifestationNote: 'Số đảng viên có ít nhất một hành vi của biểu hiện ở mức thỉnh thoảng / thường xuyên (mức cao nhất của mỗi người).',
    topBehaviours: 'Các hành vi được tự nhận nhiều nhất (đề nghị thảo luận)',
    topNote: 'Xếp theo số đảng viên tự nhận ở mức thỉnh thoảng hoặc thường xuyên.',
    compareTitle: (label) => `So với đợt ${label}`,
    compareNote: (b, a) => `Số đảng viên tự nhận ở mức thỉnh thoảng hoặc thường xuyên (đợt trước ${b} người trả lời, đợt này ${a}).`,
    compareDifferent: (shared, ob, oa) => `Hai đợt dùng bộ câu hỏi khác nhau: chỉ so ${shared} hành vi có chung mã (${ob} chỉ có ở đợt trước, ${oa} chỉ có ở đợt này); không so theo biểu hiện.`,
    compareColumns: ['Mã', 'Đợt trước', 'Đợt này', 'Thay đổi'],
    compareBiggest: 'Hành vi thay đổi nhiều nhất',
    measuresTitle: 'Biện pháp khắc phục của chi bộ',
    measureDone: 'đã thực hiện',
    hiddenBehaviours: (n, mark) => `${n} hành vi khác có số liệu bị ẩn (${mark}).`,
    allBehaviours: 'Toàn bộ hành vi',
    noneReported: 'Không đảng viên nào tự nhận hành vi nào ở mức thỉnh thoảng hoặc thường xuyên.',
    noRespondents: 'Chưa có phiếu nào được nộp.',
    suppressed: (k) => `Số từ 1 đến ${k - 1} được ẩn ("<${k}") để bảo vệ người trả lời; một số ô khác cũng được ẩn để không suy ra được.`,
    provisional: 'SỐ LIỆU TẠM THỜI — đợt chưa đóng',
    id: 'Mã',
    content: 'Nội dung',
    unverifiedMark: '* lời văn chưa được đối chiếu đầy đủ với văn bản chính thức',
    chartTitle: 'Tỉ lệ đảng viên theo mức độ cao nhất ở từng biểu hiện',
    units: 'Đơn vị',
    unitTable: 'Theo đơn vị',
    memberCount: 'Đảng viên',
    respondentCount: 'Đã nộp',
    participationShort: 'Tham gia',
    mostReported: 'Biểu hiện được tự nhận nhiều nhất',
    written: (file) => `Đã ghi báo cáo: ${file}`,
  },
  merge: {
    progress: (d, n) => `Đang gộp ${d}/${n} tệp…`,
    accepted: (file, unit) => `  + ${file}: đã gộp (${unit})`,
    skipped: (file, previous) => `  = ${file}: đã gộp trước đó (${previous}), bỏ qua`,
    older: (file, newer) => `  = ${file}: bản tạm thời cũ hơn ${newer} đã gộp, bỏ qua`,
    replaced: (file, previous) => `  ~ ${file}: thay cho ${previous}`,
    rejected: (file) => `  ✗ ${file}: không gộp`,
    removed: (file, unit) => `  − ${file}: đã gỡ khỏi đợt (${unit})`,
    summary: (a, s, r, x) => `Đã gộp ${a} tệp, bỏ qua ${s} tệp đã có, thay ${r} tệp, từ chối ${x} tệp.`,
    reasons: {
      MERGE_ROUND_MISMATCH: ({ fileRound: f, round: r }) => `tệp của đợt "${f}", đợt đang gộp là "${r}". Xin đơn vị xuất đúng đợt, hoặc mở đợt "${f}".`,
      MERGE_QUESTIONNAIRE_MISMATCH: ({ id, version: v, sha256: sha, expected: e }) => `tệp làm theo bộ câu hỏi khác (${id} ${v}, sha256 ${sha.slice(0, 12)}…), đợt này dùng ${e}. Đơn vị phải dùng đúng bộ câu hỏi của cấp trên.`,
      MERGE_ITEMS_MISMATCH: ({ detail: d }) => `các mục trong tệp không khớp bộ câu hỏi (${d}).`,
      MERGE_OWN_UNIT: ({ unit: u }) => `tệp có số liệu của chính đơn vị ${u}; không gộp tệp của mình vào mình.`,
      MERGE_CONFLICT: ({ unit: u, previous: p }) => `đơn vị ${u} đã có tệp khác trong đợt (${p}) với số liệu khác. Nếu tệp mới đúng, gộp lại với --replace.`,
      MERGE_PROVISIONAL_AFTER_FINAL: ({ unit: u, previous: p }) => `đây là bản tạm thời, nhưng đơn vị ${u} đã có bản chính thức (${p}).`,
      MERGE_DOUBLE_COUNTED: ({ unit: u, previous: p, previousUnit: pu }) => `đơn vị ${u} đã được tính trong tệp ${p} (của ${pu}); gộp nữa sẽ tính hai lần. Nếu tệp này phải thay cho tệp đó, đồng chí gỡ tệp cũ trước rồi gộp lại:\n  tusoi merge --remove ${shellWord(pu)}`,
      MERGE_ROUND_CLOSED: ({ round: r }) => `đợt "${r}" đã đóng (tusoi round close) trong khi đang gộp, nên tệp này chưa được gộp; các tệp đã gộp trước đó vẫn giữ nguyên.`,
      // Signed exports and pinned keys (issue 17).
      MERGE_KEY_MISMATCH: ({ unit: u, pinned: p, got: g, verified: v }) =>
        `tệp của đơn vị ${u} được ký bằng khóa ${g}, khác khóa đã ghi nhận cho ${u} (${p}${v ? ', đã xác minh' : ', chưa xác minh'}). Không biết khóa nào là thật: gọi điện cho đơn vị, nhờ đọc dấu vân tay (lệnh unit key); nếu là ${g}, xác nhận khóa đó rồi gộp lại:\n  tusoi unit trust ${u} ${g}`,
      MERGE_UNSIGNED_PINNED: ({ unit: u, pinned: p }) => `tệp không có chữ ký, nhưng đơn vị ${u} đã có khóa (${p}); tệp không ký của đơn vị này không được gộp. Xin đơn vị cập nhật tusoi rồi xuất lại.`,
      MERGE_UNSIGNED_REFUSED: ({ unit: u }) => `tệp của đơn vị ${u} không có chữ ký, mà đang gộp với --require-signature. Xin đơn vị cập nhật tusoi rồi xuất lại.`,
      MERGE_NOT_VOUCHED: ({ unit: u, signer: s }) => `tệp của ${s} có số liệu của đơn vị ${u}, nhưng ${u} không trực thuộc ${s} theo danh sách đơn vị; không gộp. Kiểm tra danh sách đơn vị (lệnh unit list) hoặc xin ${u} gửi tệp riêng.`,
    },
  },
  units: {
    levelNames: { 'chi-bo': 'chi bộ', 'dang-uy-co-so': 'đảng ủy cơ sở', 'dang-bo-co-so': 'đảng bộ cơ sở', khoi: 'đảng ủy khối' },
    imported: (a, n, file) => `Đã ghi ${n} đơn vị cần báo cáo từ ${file} (${a} đơn vị mới).`,
    coverage: (r, e, pct, level) => `${r}/${e} ${level} đã báo cáo (${pct}%)`,
    missing: 'Chưa báo cáo',
    unexpected: 'Đã báo cáo nhưng không có trong danh sách đơn vị',
    noExpected: 'Chưa có danh sách đơn vị cần báo cáo. Nhập:\n  tusoi unit import don-vi.csv',
    files: (n) => `${n} tệp đã gộp`,
    provisional: 'tạm thời',
  },
  home: {
    title: (db) => `tusoi — Tự soi, tự sửa · cơ sở dữ liệu: ${db}`,
    prompt: 'Chọn việc cần làm:',
    items: {
      session: 'Bắt đầu phiên họp: đảng viên lần lượt trả lời',
      answer: 'Một đảng viên tự đánh giá',
      status: 'Tình hình đợt: ai đã nộp, ai chưa',
      report: 'Báo cáo tổng hợp',
      export: 'Xuất tệp gửi cấp trên',
      merge: 'Gộp tệp của cấp dưới',
      members: 'Danh sách đảng viên',
      rounds: 'Các đợt tự đánh giá',
      help: 'Trợ giúp',
      quit: 'Thoát',
    },
    membersMenu: { list: 'Xem danh sách', add: 'Thêm đảng viên', import: 'Nhập từ tệp CSV', back: '← Quay lại' },
    roundsMenu: { list: 'Xem các đợt', open: 'Mở đợt mới', close: 'Đóng đợt đang mở', back: '← Quay lại' },
    running: (cmd) => `→ ${cmd}`,
    askPath: 'Tệp hoặc thư mục cần gộp:',
    askNames: 'Họ và tên (nhiều người thì cách nhau bằng dấu phẩy):',
    askFile: 'Đường dẫn tệp CSV:',
    askLabel: (year) => `Tên đợt (Enter: ${year}):`,
    back: 'Nhấn Enter để quay lại menu',
  },
  demo: {
    intro: (dir, c, n) => `Chạy thử tusoi: một Đảng ủy Khối với 2 đảng ủy cơ sở và 3 chi bộ trực thuộc — ${c} chi bộ, ${n} đảng viên — trong thư mục ${dir}`,
    cellStep: (code, members, answered, exported) =>
      `  · ${code}: ${members} đảng viên, ${answered} phiếu${exported ? '; đã đóng đợt và xuất tệp' : '; đợt còn mở (chưa gửi)'}`,
    committeeStep: (code, cells) => `  · ${code}: đã gộp tệp của ${cells} chi bộ và gửi lên Khối`,
    cellsDone: (e, missing) => `✓ ${e} chi bộ đã trả lời, đóng đợt và xuất tệp; chi bộ ${missing} chưa gửi.`,
    committeesDone: '✓ 2 đảng ủy cơ sở đã gộp tệp của các chi bộ và gửi tệp của mình lên Khối.',
    blocDone: '✓ Đảng ủy Khối đã gộp mọi tệp nhận được.',
    committeeName: (code) => `Đảng ủy cơ sở ${code === 'DU01' ? 'Sở Nội vụ' : 'Sở Tài chính'}`,
    blocName: 'Đảng ủy Khối các cơ quan tỉnh',
    files: (dir, bloc, html, sent, cells) =>
      `Các tệp đã tạo (trong ${dir}):
  cơ sở dữ liệu của Khối: ${bloc}
  báo cáo in được (HTML): ${html}
  tệp các đơn vị gửi lên: ${sent}
  cơ sở dữ liệu của các chi bộ: ${cells}`,
    next: (bloc, cell) =>
      `Thử tiếp (mỗi dòng dán được vào cửa sổ lệnh):
  tusoi --db ${bloc} status --json
  tusoi --db ${bloc} report --suppress-below 5
  tusoi --db ${bloc} report --format pdf   # cần Chromium
  tusoi --db ${cell} session   # chi bộ còn mở đợt: mời đảng viên trả lời
  tusoi --help`,
  },
  files: {
    notRegular,
    formats,
    ignored: (file, reason) =>
      `  · ${file}: bỏ qua (${{ hidden: 'tệp ẩn', 'not-a-table': 'không phải tệp .csv hay .txt', symlink: 'liên kết tượng trưng; muốn gộp thì ghi thẳng tên tệp đích', 'not-a-file': 'không phải tệp thông thường' }[reason]})`,
  },
  measures: {
    added: (id, round) => `Đã thêm biện pháp số ${id} cho đợt ${round}. Biện pháp hiện trong báo cáo của chi bộ.`,
    none: 'Chưa có biện pháp nào. Thêm:\n  tusoi measure add "nội dung" --behaviour TT4.3',
    done: (id) => `Đã đánh dấu biện pháp số ${id} là đã thực hiện.`,
  },
  commitments: {
    intro: (n) => `Tự sửa: đồng chí đã tự nhận ${n} hành vi ở mức thỉnh thoảng hoặc thường xuyên. Với từng hành vi, đồng chí có thể ghi việc sẽ làm để khắc phục và thời hạn (không bắt buộc: Enter để bỏ qua). Cam kết không bao giờ được xuất hay đưa vào báo cáo.`,
    behaviour: (id, level, text) => `${id} [${level}] ${text}`,
    ask: 'Đồng chí sẽ làm gì để khắc phục? (Enter: bỏ qua; Esc: bỏ qua tất cả)',
    askKeep: (current) => `Đồng chí sẽ làm gì để khắc phục? (Enter: giữ "${current}"; gõ - để xóa; Esc: bỏ qua tất cả)`,
    due: 'Đến khi nào? (ngày/tháng/năm như 30/6/2027, hoặc tháng/năm như 6/2027; Enter: bỏ qua)',
    saved: (id) => `✓ Đã lưu cam kết cho ${id}`,
    removed: (id) => `✓ Đã xóa cam kết cho ${id}`,
    done: (n, code) => `Đã lưu ${n} cam kết. Xem và sửa sau:\n  tusoi answer --member ${shellWord(code)}`,
    reviewTitle: (round) => `Phiếu đợt ${round} đã nộp. Đồng chí có thể xem và cập nhật các cam kết tự sửa của mình.`,
    followIntro: (round, n) => `Trước khi bắt đầu: ở đợt ${round}, đồng chí đã cam kết ${n} việc. Đồng chí đã thực hiện đến đâu?`,
    followItem: (round, id, text, action, due) => `Đợt ${round} · ${id}: ${text}\n  Cam kết: ${action}${due ? ` (hạn: ${due})` : ''}`,
    followAsk: 'Đã thực hiện chưa?',
    outcomes: { done: 'Đã thực hiện', partly: 'Thực hiện một phần', not_done: 'Chưa thực hiện' },
    followSaved: '✓ Đã ghi nhận',
  },
  // --- commit-crypto (issue 13, part 4) ---
  commitmentSecret: {
    privacy: (unlocked) =>
      `Nội dung cam kết, hành vi và mức độ mà cam kết nhắm tới được mã hoá bằng mã bí mật của đồng chí: người dùng máy sau đồng chí và người giữ tệp (bí thư) đều không đọc được. Người giữ tệp chỉ thấy: đồng chí có bao nhiêu cam kết, thời hạn, và đã thực hiện hay chưa. Lưu ý: câu trả lời của phiếu có tên vẫn lưu trong tệp gắn với tên; và trong đợt có tên, phiếu chưa nộp thì ai chọn tên đồng chí trên máy này cũng mở tiếp và đọc được câu trả lời.` +
      (unlocked ? '' : ` Khi đồng chí ghi cam kết đầu tiên, tusoi cho đồng chí một mã bí mật, chỉ hiện một lần. Tusoi không lưu mã này và không ai lấy lại được: mất mã là mất nội dung cam kết.`),
    newSecret: (secret) => `Mã bí mật cam kết của đồng chí:  ${secret}\nHãy ghi lại và giữ riêng. Mã chỉ hiện lần này; mất mã là mất nội dung cam kết. Đợt sau tusoi sẽ hỏi mã này để đồng chí xem lại và đánh giá cam kết.`,
    retype: 'Gõ lại mã để xác nhận đã ghi:',
    retypeWrong: (secret) => `Mã gõ lại không khớp. Mã là:  ${secret}`,
    noted: '✓ Đã xác nhận mã; màn hình đã được xoá.',
    ask: 'Mã bí mật cam kết (dạng XXXX-XXXX-XXXX; Enter: bỏ qua):',
    wrong: 'Mã bí mật không đúng. Thử lại, hoặc Enter để bỏ qua.',
    malformed: 'Mã gồm 12 ký tự (chữ in hoa và chữ số, dạng XXXX-XXXX-XXXX). Thử lại, hoặc Enter để bỏ qua.',
    accented: 'Mã chỉ gồm chữ cái không dấu và chữ số: hãy tắt bộ gõ tiếng Việt (Unikey, EVKey…) rồi gõ lại.',
    needSecret: 'Cam kết của đồng chí được khoá bằng mã bí mật. Nhập mã để ghi hoặc sửa cam kết.',
    skipped: 'Không nhập mã: tusoi không hiện gì của phiếu và cam kết.',
    followLocked: (n) => `Trước khi bắt đầu: đồng chí có ${n} cam kết cần đánh giá, được khoá bằng mã bí mật của đồng chí. Nhập mã để xem.`,
    followSkipped: 'Bỏ qua: các cam kết sẽ được hỏi lại ở lần sau. Nếu đã mất mã thì không ai đọc lại được nội dung.',
    unsealedIntro: (n) => `Đồng chí có ${n} cam kết ghi từ phiên bản tusoi trước, chưa được khoá. Tusoi sẽ khoá chúng bằng một mã bí mật mới và xoá bản không khoá.`,
    unsealedDone: (n) => `✓ Đã khoá ${n} cam kết cũ bằng mã bí mật và xoá bản không khoá khỏi tệp.`,
    noSecret: (member, round, code) =>
      `Phiếu đợt ${round} của ${member} đã nộp. Câu trả lời và cam kết của phiếu đã nộp chỉ mở lại được bằng mã bí mật cam kết, mà đồng chí chưa có (chưa ghi cam kết nào), nên tusoi không hiện gì. Muốn ghi cam kết: bí thư mở lại phiếu, đồng chí nộp lại rồi ghi cam kết. Bí thư mở lại phiếu bằng:\n  tusoi response reopen --member ${shellWord(code)}`,
  },
  // --- end commit-crypto ---
  outputFile: {
    replaced: (file) => `Đã ghi đè tệp cũ: ${file}`,
    confirmReplace: (file) => `Tệp ${file} đã có. Ghi đè?`,
  },
  exported: {
    written: (file, rows) => `Đã xuất ${rows} dòng: ${file} (chỉ chủ tệp đọc được). Gửi tệp này cho cấp trên; không có tên đảng viên trong tệp.`,
    provisional: (label) => `Cảnh báo: đợt "${label}" còn mở, tệp được đánh dấu TẠM THỜI; bản xuất sau khi đóng đợt sẽ thay thế khi gộp.`,
  },
  // Member lists as offices keep them (issue 15, part 3).
  memberLists: {
    skipped: (reason, p) => {
      const why = {
        'same-code': 'đã có trong danh sách, bỏ qua.',
        'same-name': `đã có người trùng tên, bỏ qua. Nếu là người khác, thêm với mã riêng:\n    tusoi member add ${shellName(p.name)} --code MÃ`,
        'repeated-name': `tên lặp lại${p.firstLine === undefined ? '' : ` (đã có ở dòng ${p.firstLine})`}, chỉ thêm một lần. Nếu là hai người trùng tên, ghi mã cho mỗi người.`,
        'leading-zeros': `đã có trong danh sách với mã ${p.listed}; mã ${p.code ?? ''} chỉ khác ở số 0 đầu, có lẽ do Excel lưu lại tệp. Bỏ qua.`,
        namesake: `đã có người trùng tên với mã ${p.listed}, bỏ qua. Nếu là người khác, thêm:\n    tusoi member add ${shellName(p.name)} --code ${shellWord(p.code ?? 'MÃ')}`,
      }[reason];
      return `= ${p.listed}  ${p.name}: ${why}`;
    },
    numericCode: (code) => `Cảnh báo: mã "${code}" chỉ gồm chữ số: Excel sẽ bỏ số 0 ở đầu khi lưu lại tệp danh sách. Nên dùng mã có chữ, ví dụ CB03-${code}.`,
    imported: (added, skipped, warnings, file, origin) =>
      `Đã nhập ${added} đảng viên từ ${file} (${origin}); bỏ qua ${skipped} dòng${warnings > 0 ? `; ${warnings} cảnh báo` : ''}.`,
    sheet: (name) => `trang "${name}"`,
    renamed: (code, from, to) => `Đã đổi tên ${code}: ${from} → ${to}.`,
    unchanged: (code, name) => `${code} đã có tên ${name}; không đổi gì.`,
    help: {
      summary: 'đổi tên một đảng viên (giữ mã và câu trả lời)',
      member: 'mã hoặc tên hiện tại (không cần dấu)',
      name: 'họ và tên mới (trong dấu ngoặc kép)',
      examples: [['tusoi member rename M003 "Lê Thị Hồng Nhung"', 'sửa tên của M003; mã và câu trả lời giữ nguyên']],
    },
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
    invalidInList: (file, e) => `${file}: không hợp lệ (${e} lỗi); xem chi tiết:\n  tusoi questionnaire validate ${shellWord(file)}`,
  },
  // --- anon-store (issue 13) ---
  anonymousBallot: {
    confirmStartOver: (n) => `Làm lại từ đầu sẽ xoá ngay phiếu đang làm dở (${n} câu đã lưu sẽ mất). Làm lại?`,
    confirmStartOverLost:
      'Không có mã thì không ai mở được phiếu đang làm dở: phiếu đó không bao giờ được tính và sẽ bị xoá khi đóng đợt. Làm lại từ đầu?',
    keepCode: (code) => `Mã tiếp tục của đồng chí: ${code} — hãy ghi lại trước khi nhấn Enter; sau đó mã không hiện lại.`,
  },
  // Init leftovers (issue 14, part 5).
  // --- serve (issue 18: members answer on their own phones) ---
  web: {
    appName: 'Tự soi, tự sửa',
    otherLanguage: 'English',
    signInTitle: 'Nhập mã cá nhân',
    codeLabel: 'Mã cá nhân (trên phiếu đồng chí nhận từ bí thư chi bộ)',
    codeHint: '10 ký tự, không phân biệt chữ hoa, chữ thường; có thể bỏ dấu gạch.',
    codeSubmit: 'Vào phiếu',
    wrongCode: 'Mã không đúng. Đồng chí kiểm tra lại từng ký tự trên phiếu, hoặc hỏi bí thư chi bộ.',
    tooMany: 'Đã nhập sai quá nhiều lần. Chờ nửa phút rồi thử lại.',
    busy: 'Máy chủ đang bận. Chờ vài giây rồi thử lại.',
    usedTitle: 'Phiếu đã nộp',
    used: 'Mã này thuộc về một phiếu đã nộp: câu trả lời đã khóa, không xem hay sửa được nữa. Nếu cần sửa, đồng chí báo bí thư chi bộ.',
    closedTitle: 'Đợt đã đóng',
    closed: 'Đợt tự kiểm điểm này đã đóng (hoặc phiếu đã nộp ở nơi khác); không nhận thêm câu trả lời.',
    expiredTitle: 'Không gửi được',
    expired: 'Trang này đã cũ hoặc không đến từ phiếu của tusoi. Mở lại trang đầu rồi làm tiếp; các câu đã lưu vẫn còn.',
    signedOut: 'Thiết bị này chưa vào phiếu (hoặc đã nộp). Nhập lại mã cá nhân để làm tiếp; các câu đã lưu vẫn còn.',
    notFoundTitle: 'Không có trang này',
    notFound: 'Không có trang này.',
    badRequestTitle: 'Yêu cầu không hợp lệ',
    badRequest: 'Dữ liệu gửi lên không hợp lệ; không có gì được lưu từ lần gửi này.',
    tooLarge: 'Dữ liệu gửi lên quá lớn; không có gì được lưu từ lần gửi này.',
    errorTitle: 'Có lỗi',
    error: 'Có lỗi ở máy chủ; lần gửi này không được lưu. Các câu đã lưu trước đó vẫn còn. Báo bí thư chi bộ.',
    startLink: 'Về trang đầu',
    progress: (a, t) => `Đã trả lời ${a}/${t} câu`,
    manifestationOf: (i, t) => `biểu hiện ${i}/${t}`,
    saveAndNext: 'Lưu và sang biểu hiện sau',
    saveAndBack: 'Lưu và quay lại biểu hiện trước',
    saveAndReview: 'Lưu và xem lại',
    saveAndReviewNow: 'Lưu và xem lại toàn bộ',
    reviewTitle: 'Xem lại trước khi nộp',
    flaggedIntro: (n) => `${n} hành vi đồng chí đánh dấu có (chạm vào để sửa):`,
    flaggedNone: 'Đồng chí trả lời "không" ở mọi hành vi.',
    missing: (n) => `Còn ${n} câu chưa trả lời; trả lời hết mới nộp được:`,
    confirmLabel: 'Tôi đã xem lại và nộp phiếu; sau khi nộp không sửa được nữa.',
    confirmNeeded: 'Đánh dấu ô xác nhận rồi bấm Nộp phiếu.',
    submit: 'Nộp phiếu',
    backToStart: 'Về biểu hiện đầu tiên',
    doneTitle: 'Đã nộp phiếu',
    doneText: 'Cảm ơn đồng chí. Phiếu đã được lưu và khóa. Có thể đóng trang này. Phần tự sửa (cam kết) đồng chí ghi sau ở máy của bí thư chi bộ.',
  },
  serve: {
    listening: (url) => `Phiếu đang mở tại: ${url}`,
    unreachable: 'Máy này chưa có địa chỉ trong mạng nội bộ: điện thoại chưa vào được. Bật Wi-Fi (hoặc điểm phát Wi-Fi của máy) rồi chạy lại, hoặc chọn --host.',
    plainHttp: 'Lưu ý: kết nối không mã hóa (HTTP); người bắt sóng cùng Wi-Fi có thể đọc được câu trả lời. Chỉ dùng mạng của cơ quan hoặc điểm phát có mật khẩu.',
    firewall: 'Windows có thể hỏi "Windows Defender Firewall has blocked some features": chọn "Private networks" rồi Allow access. Mạng đặt là Public sẽ chặn điện thoại.',
    noCodes: 'Chưa in mã cá nhân cho đợt này. In trước:\n  tusoi serve --codes ma-ca-nhan.html',
    codesFor: (i, n) => `${i}/${n} đảng viên có mã cá nhân.`,
    live: (s, p, n) => `Đã nộp ${s} · đang làm ${p} · chưa bắt đầu ${n}`,
    stopping: 'Đang dừng…',
    stopped: (s, p) => `Đã dừng. Mọi câu trả lời đã nhận đều đã lưu: ${s} phiếu đã nộp, ${p} phiếu đang làm dở. Làm tiếp bằng cùng mã:\n  tusoi serve`,
    codesWritten: (f, n) => `Đã ghi ${n} phiếu mã cá nhân vào ${f}. In ra, cắt và phát tận tay từng đồng chí; mã in trước đó không còn dùng được.`,
    slipsTitle: (r) => `Mã cá nhân, đợt ${r}`,
    slipIntro: 'Tự soi, tự sửa: mở trình duyệt trên điện thoại hoặc máy tính (cùng mạng Wi-Fi của phòng họp), vào địa chỉ:',
    slipAddress: 'Địa chỉ',
    slipCode: 'Mã cá nhân',
    slipKeep: 'Giữ riêng mã này; nó mở phiếu của đồng chí cho đến khi nộp.',
  },
  initLeftovers: {
    removed: (file) => `Đã xóa ${file}: tệp tạm còn lại từ một lần tusoi init bị ngắt.`,
    kept: (file) => `Chưa xóa ${file}: tệp tạm của một lần tusoi init khác, có thể vẫn đang chạy. Nếu không còn lệnh init nào đang chạy, đồng chí có thể xóa tệp này.`,
  },
  // Reports that do not mislead (issue 15, part 5).
  reportNotes: {
    mostReportedShown: 'Nhiều nhất (số được hiện)',
    placePlaceholder: 'địa danh',
    placeOption: 'địa danh ghi trước ngày ở phần ký tên, ví dụ "Hà Nội" (mặc định: để trống để viết tay)',
    missingTitle: (n, e) => `Chưa báo cáo: ${n}/${e} đơn vị`,
    noneMissing: (e) => `Đủ ${e}/${e} đơn vị đã báo cáo.`,
    noExpectedList: 'Chưa có danh sách đơn vị trực thuộc nên không biết đơn vị nào chưa báo cáo (nhập bằng lệnh unit import).',
    chartAxis: (max) => `Thang đo từ 0 đến ${max}% (theo số liệu, không phải 0–100%); số ở cuối mỗi thanh là tỉ lệ đảng viên có hành vi ở mức thỉnh thoảng hoặc thường xuyên.`,
    points: 'điểm %',
    compareLegend: 'Cột thay đổi: ▲ tăng, ▼ giảm, = không đổi theo tỉ lệ (điểm phần trăm); trong ngoặc là số đảng viên tăng (+) hoặc giảm (−).',
    smallAnonymous: (r, k) => `Lưu ý: đợt ẩn danh chỉ có ${r} người trả lời (ít hơn ${k}); với số người ít như vậy, các con số có thể cho biết câu trả lời của từng người. Chỉ dùng trong chi bộ, hoặc in kèm --suppress-below.`,
    page: 'Trang',
    of: '/',
    onBehalf: (collecting) => (collecting ? 'T/M CHI BỘ' : 'T/M ĐẢNG ỦY'),
    signer: 'BÍ THƯ',
    signHint: '(Ký, ghi rõ họ tên)',
    placeDate: (place, iso) => {
      const [y, mo, d] = iso.split('-');
      return `${place || '……………'}, ngày ${d} tháng ${mo} năm ${y}`;
    },
  },
  // --- rounds-menu (issue 15, part 4) ---
  roundLife: {
    help: {
      yes: 'đóng luôn, không hỏi lại',
      reopen: {
        summary: 'mở lại một đợt đã đóng (đợt ghi tên: khi chưa xuất tệp chính thức; đợt ẩn danh: khi chưa báo cáo hay xuất tệp)',
        label: 'tên đợt (mặc định: đợt gần nhất)',
        examples: [['tusoi round reopen 2026', 'mở lại đợt 2026 để các đồng chí còn thiếu trả lời tiếp']],
      },
    },
    outlook: {
      members: (label, anon, total, s, p, n) =>
        `Đợt "${label}" (${anon ? 'ẩn danh' : 'ghi tên'}): ${total} đảng viên — ${s} đã nộp, ${p} đang làm dở, ${n} chưa bắt đầu.`,
      inProgress: (anon) => (anon ? 'Đang làm dở (chưa nộp; phiếu dở sẽ bị xóa khi đóng, không được tính):' : 'Đang làm dở (chưa nộp nên không được tính):'),
      notStarted: 'Chưa bắt đầu:',
      units: (label, r, e, f) => `Đợt "${label}": ${e > 0 ? `${r}/${e} đơn vị đã báo cáo` : `chưa có danh sách đơn vị`}, ${f} tệp đã gộp.`,
      provisional: 'Mới gửi bản tạm thời:',
      missing: 'Chưa báo cáo:',
    },
    confirmClose: (label, anon) =>
      `Đóng đợt "${label}"? Sau khi đóng, không ai trả lời thêm được; mở lại (lệnh round reopen) chỉ được khi chưa ${anon ? 'báo cáo hay xuất tệp' : 'xuất tệp chính thức'}.`,
    reopened: (label, anon) =>
      anon
        ? `Đã mở lại đợt ẩn danh "${label}". Phiếu đã nộp vẫn được tính; phiếu làm dở đã bị xóa khi đóng, các đồng chí đó làm lại từ đầu. Đóng lại:\n  tusoi round close`
        : `Đã mở lại đợt "${label}". Các đồng chí đang làm dở tiếp tục được. Đóng lại:\n  tusoi round close`,
    committeeNext: (db, year) =>
      `Tiếp theo (đơn vị cấp trên: không trả lời phiếu, gộp tệp của các đơn vị trực thuộc; mỗi dòng dán được vào cửa sổ lệnh):
  tusoi ${db}unit import don-vi.csv   # danh sách đơn vị cần báo cáo: Mã;Tên;Cấp trên
  tusoi ${db}round open --label ${year}   # cùng tên đợt với các chi bộ
  tusoi ${db}merge nhan-ve/   # gộp các tệp chi bộ, đảng ủy gửi lên
  tusoi ${db}status   # đơn vị nào đã báo cáo, còn thiếu`,
    menu: {
      noDatabase: (db) => `Chưa có cơ sở dữ liệu ${db}. Tạo mới cho đơn vị của đồng chí, hoặc chạy thử với dữ liệu mẫu.`,
      init: 'Tạo cơ sở dữ liệu cho đơn vị',
      demo: 'Chạy thử với dữ liệu mẫu',
      askUnitCode: 'Mã đơn vị (do cấp trên quy định, có chữ cái, ví dụ CB03):',
      askUnitName: 'Tên đơn vị (ví dụ Chi bộ Văn phòng):',
      askLevel: 'Cấp của đơn vị:',
      levels: {
        cell: 'Chi bộ: đảng viên trả lời phiếu',
        committee: 'Đảng ủy cơ sở: gộp tệp của các chi bộ',
        bloc: 'Đảng ủy khối / cấp trên: gộp tệp của các đơn vị',
      },
      askParent: 'Mã đơn vị cấp trên (Enter: bỏ qua):',
      askKind: 'Đợt ghi tên hay ẩn danh? (không đổi được sau khi mở)',
      named: 'Ghi tên: mỗi phiếu gắn với đảng viên trả lời',
      anonymous: 'Ẩn danh: chỉ giữ ai đã nộp và số liệu tổng hợp',
      reopen: 'Mở lại đợt đã đóng',
      askReopenLabel: 'Tên đợt cần mở lại (Enter: đợt gần nhất):',
    },
  },
  // --- messages (issue 15, parts 6 and 7) ---
  wording: {
    levelNames: { 'chi-bo': 'chi bộ', 'dang-uy-co-so': 'đảng ủy cơ sở', 'dang-bo-co-so': 'đảng bộ cơ sở', khoi: 'Đảng ủy Khối' },
    noneLevel: 'Không',
    pdfStarting: (browser) => `Đang in PDF bằng ${browser} (thường mất vài giây)…`,
    pdfDone: 'Đã in xong PDF.',
  },
  // --- one front end at a time (issue 18, part 5) ---
  holder: {
    openOnDevice: (at) => `Phiếu của đồng chí này đang mở trên một thiết bị lúc ${at}.`,
    confirmTakeOver: 'Mở tiếp phiếu ở đây? (thiết bị kia sẽ không lưu thêm được câu trả lời)',
    openTitle: 'Phiếu đang mở ở nơi khác',
    openAtLaptop: (at) => `Phiếu của đồng chí đang mở ở máy tính của bí thư (lần cuối lúc ${at}).`,
    openOnOtherDevice: (at) => `Phiếu của đồng chí đang mở trên một thiết bị khác (lần cuối lúc ${at}).`,
    takenTitle: 'Phiếu đã được mở tiếp ở nơi khác',
    takenAtLaptop: (at) => `Phiếu này đã được mở tiếp ở máy tính của bí thư lúc ${at}. Trang này không lưu thêm câu trả lời.`,
    takenOnOtherDevice: (at) => `Phiếu này đã được mở tiếp trên một thiết bị khác lúc ${at}. Trang này không lưu thêm câu trả lời.`,
    takeOverHint: 'Các câu đã lưu vẫn còn. Nếu tiếp tục ở đây, nơi kia sẽ không lưu thêm được.',
    takeOverButton: 'Tiếp tục trên thiết bị này',
  },
};
