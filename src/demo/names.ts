/** Vietnamese names for demo members and units: common family, middle and given names. */
import { pick } from './random.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Đoàn', 'Trịnh', 'Lương'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Thành', 'Xuân', 'Đình', 'Quốc'];
const MIDDLE_F = ['Thị', 'Thu', 'Thanh', 'Ngọc', 'Minh', 'Hồng', 'Kim', 'Bích', 'Thúy', 'Diệu'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Tùng', 'Việt', 'Vinh', 'Hiếu', 'Tâm', 'Trung'];
const GIVEN_F = ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Trang', 'Vân', 'Yến'];

export function personName(rnd: () => number): string {
  const female = rnd() < 0.5;
  return `${pick(rnd, FAMILY)} ${pick(rnd, female ? MIDDLE_F : MIDDLE_M)} ${pick(rnd, female ? GIVEN_F : GIVEN_M)}`;
}

export const AGENCIES = [
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Tư pháp',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Xây dựng',
  'Sở Công Thương',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Nông nghiệp và Môi trường',
  'Văn phòng Ủy ban nhân dân tỉnh',
  'Thanh tra tỉnh',
  'Ban Quản lý các khu công nghiệp',
  'Bệnh viện Đa khoa tỉnh',
  'Trường Chính trị tỉnh',
];

export const DEPARTMENTS = ['Văn phòng', 'Phòng Tổ chức', 'Phòng Kế hoạch', 'Phòng Tài vụ', 'Phòng Thanh tra', 'Phòng Nghiệp vụ 1', 'Phòng Nghiệp vụ 2', 'Trung tâm Dịch vụ', 'Khoa Nội', 'Khoa Ngoại'];
